import Foundation
import JSONRPC

/// Pushes diagnostics so that an older version's never overwrite a newer one's, and nothing
/// is published for a closed document: the version check and the send share one lock.
final class DiagnosticsPublisher: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: [String: Int] = [:]
    private var queues: [String: DispatchQueue] = [:]
    /// Notes not open in the editor whose last published findings were not empty.
    private var unopenedWithFindings: Set<String> = []

    /// Records the newest version of a document and returns the serial queue its lints run on.
    func opened(_ uri: String, version: Int) -> DispatchQueue {
        lock.lock()
        defer { lock.unlock() }
        latest[uri] = version
        unopenedWithFindings.remove(uri)
        if let queue = queues[uri] { return queue }
        let queue = DispatchQueue(label: "notelint.lint.\(queues.count)")
        queues[uri] = queue
        return queue
    }

    func isLatest(_ uri: String, version: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return latest[uri] == version
    }

    /// Sends when `version` is still the newest, under the lock.
    func publish(_ uri: String, version: Int, diagnostics: [LSP.Diagnostic], connection: Connection) {
        lock.lock()
        defer { lock.unlock() }
        guard latest[uri] == version else { return }
        send(LSP.PublishDiagnosticsParams(uri: uri, version: version, diagnostics: diagnostics), connection)
    }

    /// Sends the findings of a note the editor has not opened, unless it is open by now.
    func publishUnopened(_ uri: String, diagnostics: [LSP.Diagnostic], connection: Connection) {
        lock.lock()
        defer { lock.unlock() }
        guard latest[uri] == nil else { return }
        if diagnostics.isEmpty { unopenedWithFindings.remove(uri) } else { unopenedWithFindings.insert(uri) }
        send(LSP.PublishDiagnosticsParams(uri: uri, diagnostics: diagnostics), connection)
    }

    /// Clears the findings of the unopened notes outside `selected` (a configuration now
    /// excludes them, or they are gone): nothing else would.
    func clearUnopened(except selected: Set<String>, connection: Connection) {
        lock.lock()
        defer { lock.unlock() }
        for uri in unopenedWithFindings.subtracting(selected) where latest[uri] == nil {
            unopenedWithFindings.remove(uri)
            send(LSP.PublishDiagnosticsParams(uri: uri, diagnostics: []), connection)
        }
    }

    func isOpen(_ uri: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return latest[uri] != nil
    }

    /// Forgets a closed document and clears its diagnostics.
    func closed(_ uri: String, connection: Connection) {
        lock.lock()
        defer { lock.unlock() }
        latest[uri] = nil
        queues[uri] = nil
        send(LSP.PublishDiagnosticsParams(uri: uri, diagnostics: []), connection)
    }

    private func send(_ params: LSP.PublishDiagnosticsParams, _ connection: Connection) {
        connection.notify("textDocument/publishDiagnostics", params.json)
    }
}
