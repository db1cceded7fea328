import Foundation
import JSONRPC

/// Pushes diagnostics so that an older version's never overwrite a newer one's, and nothing
/// is published for a closed document: the version check and the send share one lock.
final class DiagnosticsPublisher: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: [String: Int] = [:]
    private var queues: [String: DispatchQueue] = [:]

    /// Records the newest version of a document and returns the serial queue its lints run on.
    func opened(_ uri: String, version: Int) -> DispatchQueue {
        lock.lock()
        defer { lock.unlock() }
        latest[uri] = version
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
    func publish(_ uri: String, version: Int, diagnostics: [JSON], connection: Connection) {
        lock.lock()
        defer { lock.unlock() }
        guard latest[uri] == version else { return }
        connection.notify("textDocument/publishDiagnostics", .object([
            ("uri", .string(uri)), ("version", .int(version)), ("diagnostics", .array(diagnostics)),
        ]))
    }

    /// Sends the findings of a note the editor has not opened, unless it is open by now.
    func publishUnopened(_ uri: String, diagnostics: [JSON], connection: Connection) {
        lock.lock()
        defer { lock.unlock() }
        guard latest[uri] == nil else { return }
        connection.notify("textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", .array(diagnostics))]))
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
        connection.notify("textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", .array([]))]))
    }
}
