import Foundation
import JSONRPC

/// A request being worked on: answered exactly once, whether by its handler, by a
/// cancellation, or by an error.
final class PendingRequest: @unchecked Sendable {
    let id: RequestID
    let method: String
    private let connection: Connection
    private let lock = NSLock()
    private var answered = false
    private var cancelledFlag = false
    private let onDone: (RequestID) -> Void

    init(id: RequestID, method: String, connection: Connection, onDone: @escaping (RequestID) -> Void) {
        self.id = id
        self.method = method
        self.connection = connection
        self.onDone = onDone
    }

    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelledFlag
    }

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
        lock.lock()
        cancelledFlag = true
        lock.unlock()
        fail(ErrorCode.requestCancelled, "request \(id) was cancelled")
    }

    private func claim() -> Bool {
        lock.lock()
        let first = !answered
        answered = true
        lock.unlock()
        if first { onDone(id) }
        return first
    }
}

/// The requests not answered yet, by id, so `$/cancelRequest` can find them.
final class PendingRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [RequestID: PendingRequest] = [:]

    func begin(_ id: RequestID, method: String, connection: Connection) -> PendingRequest {
        let request = PendingRequest(id: id, method: method, connection: connection) { [weak self] id in self?.finish(id) }
        lock.lock()
        requests[id] = request
        lock.unlock()
        return request
    }

    func cancel(_ id: RequestID) {
        lock.lock()
        let request = requests[id]
        lock.unlock()
        request?.cancel()
    }

    private func finish(_ id: RequestID) {
        lock.lock()
        requests[id] = nil
        lock.unlock()
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return requests.count
    }
}
