import JSONRPC
import Synchronization

/// A request being worked on: answered exactly once, whether by its handler, by a
/// cancellation, or by an error.
final class PendingRequest: Sendable {
    let id: RequestID
    let method: String
    private let connection: Connection
    private let state = Mutex((answered: false, cancelled: false))
    private let onDone: @Sendable (RequestID) -> Void

    init(id: RequestID, method: String, connection: Connection, onDone: @escaping @Sendable (RequestID) -> Void) {
        self.id = id
        self.method = method
        self.connection = connection
        self.onDone = onDone
    }

    var isCancelled: Bool { state.withLock { $0.cancelled } }

    func respond(_ result: JSON) {
        guard claim() else { return }
        connection.respond(id, result: result)
    }

    func fail(_ code: Int, _ message: String) {
        guard claim() else { return }
        connection.respond(id, error: code, message)
    }

    /// Answers RequestCancelled if nothing has answered yet.
    func cancel() {
        state.withLock { $0.cancelled = true }
        fail(ErrorCode.requestCancelled, "request \(id) was cancelled")
    }

    private func claim() -> Bool {
        let first = state.withLock { state in
            defer { state.answered = true }
            return !state.answered
        }
        if first { onDone(id) }
        return first
    }
}

/// The requests not answered yet, by id, so `$/cancelRequest` can find them.
final class PendingRequests: Sendable {
    private let requests = Mutex<[RequestID: PendingRequest]>([:])

    func begin(_ id: RequestID, method: String, connection: Connection) -> PendingRequest {
        let request = PendingRequest(id: id, method: method, connection: connection) { [weak self] id in self?.finish(id) }
        requests.withLock { $0[id] = request }
        return request
    }

    func cancel(_ id: RequestID) {
        requests.withLock { $0[id] }?.cancel()
    }

    private func finish(_ id: RequestID) {
        requests.withLock { $0[id] = nil }
    }

    var count: Int { requests.withLock { $0.count } }
}
