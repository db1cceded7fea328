import Dispatch
import JSONRPC
import Synchronization

/// Pushes diagnostics so that an older version's never overwrite a newer one's, and nothing
/// is published for a closed document: the version check and the send share one lock.
final class DiagnosticsPublisher: Sendable {
    private struct State {
        var latest: [String: Int] = [:]
        var queues: [String: DispatchQueue] = [:]
        var renderers: [String: DiagnosticRenderer] = [:]
        /// Notes not open in the editor whose last published findings were not empty.
        var unopenedWithFindings: Set<String> = []
    }

    private let state = Mutex(State())

    /// Records the newest version of a document and returns the serial queue its lints run on.
    func opened(_ uri: String, version: Int) -> DispatchQueue {
        state.withLock { state in
            state.latest[uri] = version
            state.unopenedWithFindings.remove(uri)
            if let queue = state.queues[uri] { return queue }
            let queue = DispatchQueue(label: "notelint.lint.\(state.queues.count)")
            state.queues[uri] = queue
            return queue
        }
    }

    /// What writes an open document's diagnostics, keeping its last publish's templates.
    func renderer(for uri: String) -> DiagnosticRenderer {
        state.withLock { state in
            if let renderer = state.renderers[uri] { return renderer }
            let renderer = DiagnosticRenderer()
            state.renderers[uri] = renderer
            return renderer
        }
    }

    func isLatest(_ uri: String, version: Int) -> Bool {
        state.withLock { $0.latest[uri] == version }
    }

    /// Sends when `version` is still the newest, under the lock.
    func publish(_ uri: String, version: Int, diagnostics: JSON, connection: Connection) {
        state.withLock { state in
            guard state.latest[uri] == version else { return }
            Self.send(LSP.PublishDiagnosticsParams(uri: uri, version: version, diagnostics: diagnostics), connection)
        }
    }

    /// Sends the findings of a note the editor has not opened, unless it is open by now.
    func publishUnopened(_ uri: String, diagnostics: [LSP.Diagnostic], connection: Connection) {
        state.withLock { state in
            guard state.latest[uri] == nil else { return }
            if diagnostics.isEmpty { state.unopenedWithFindings.remove(uri) } else { state.unopenedWithFindings.insert(uri) }
            Self.send(LSP.PublishDiagnosticsParams(uri: uri, diagnostics: diagnostics.json), connection)
        }
    }

    /// Clears the findings of the unopened notes outside `selected` (a configuration now
    /// excludes them, or they are gone): nothing else would.
    func clearUnopened(except selected: Set<String>, connection: Connection) {
        state.withLock { state in
            for uri in state.unopenedWithFindings.subtracting(selected) where state.latest[uri] == nil {
                state.unopenedWithFindings.remove(uri)
                Self.send(LSP.PublishDiagnosticsParams(uri: uri, diagnostics: .array([])), connection)
            }
        }
    }

    func isOpen(_ uri: String) -> Bool {
        state.withLock { $0.latest[uri] != nil }
    }

    /// Forgets a closed document and clears its diagnostics.
    func closed(_ uri: String, connection: Connection) {
        state.withLock { state in
            state.latest[uri] = nil
            state.queues[uri] = nil
            state.renderers[uri] = nil
            Self.send(LSP.PublishDiagnosticsParams(uri: uri, diagnostics: .array([])), connection)
        }
    }

    private static func send(_ params: LSP.PublishDiagnosticsParams, _ connection: Connection) {
        connection.notify("textDocument/publishDiagnostics", params.json)
    }
}
