import Foundation
import JSONRPC

/// Responses to the requests the server sends the client (`window/workDoneProgress/create`),
/// for a worker that must wait for one. Responses nobody waits for are dropped.
final class ClientResponses: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: Set<RequestID> = []
    private var arrived: [RequestID: Bool] = [:]

    /// Marks `id` as awaited; call before sending the request.
    func expect(_ id: RequestID) {
        condition.lock()
        waiting.insert(id)
        condition.unlock()
    }

    func deliver(_ id: RequestID?, failed: Bool) {
        guard let id else { return }
        condition.lock()
        if waiting.contains(id) {
            arrived[id] = !failed
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Whether the client answered `id` without error within `seconds`.
    func wait(_ id: RequestID, seconds: Double) -> Bool {
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
