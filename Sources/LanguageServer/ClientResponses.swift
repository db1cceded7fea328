import Foundation
import JSONRPC

/// Responses to the requests the server sends the client: waited for by a worker
/// (`window/workDoneProgress/create`), or handed to a callback when they come, however late
/// (`window/showMessageRequest`, whose answer is the user's). Responses nobody expects are dropped.
final class ClientResponses: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: Set<RequestID> = []
    private var arrived: [RequestID: Bool] = [:]
    private var callbacks: [RequestID: @Sendable (JSON?) -> Void] = [:]
    private var sent = 0

    /// Sends the request `method` to the client and waits for its answer: whether the client
    /// answered without error within `seconds`.
    func ask(_ method: String, _ params: JSON, over connection: Connection, seconds: Double = 5) -> Bool {
        condition.lock()
        sent += 1
        let id = RequestID.string("notelint-ask-\(sent)")
        waiting.insert(id)
        condition.unlock()
        connection.send(.object([("jsonrpc", .string("2.0")), ("id", id.json), ("method", .string(method)), ("params", params)]))
        return wait(id, seconds: seconds)
    }

    /// Sends the request `method` to the client; `answered` gets its result (nil after an
    /// error) on the thread that reads messages, whenever the answer comes.
    func send(_ method: String, _ params: JSON, over connection: Connection, answered: @escaping @Sendable (JSON?) -> Void) {
        condition.lock()
        sent += 1
        let id = RequestID.string("notelint-ask-\(sent)")
        callbacks[id] = answered
        condition.unlock()
        connection.send(.object([("jsonrpc", .string("2.0")), ("id", id.json), ("method", .string(method)), ("params", params)]))
    }

    func deliver(_ id: RequestID?, result: JSON?, failed: Bool) {
        guard let id else { return }
        condition.lock()
        let callback = callbacks.removeValue(forKey: id)
        if waiting.contains(id) {
            arrived[id] = !failed
            condition.broadcast()
        }
        condition.unlock()
        callback?(failed ? nil : result ?? .null)
    }

    /// Whether the client answered `id` without error within `seconds`.
    private func wait(_ id: RequestID, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer {
            waiting.remove(id)
            arrived[id] = nil
            condition.unlock()
        }
        while arrived[id] == nil {
            guard condition.wait(until: deadline) else { return false }
        }
        return arrived[id] ?? false
    }
}
