import Dispatch
import JSONRPC
import Synchronization

/// Responses to the requests the server sends the client: waited for by a worker
/// (`window/workDoneProgress/create`), or handed to a callback when they come, however late
/// (`window/showMessageRequest`, whose answer is the user's). Responses nobody expects are dropped.
final class ClientResponses: Sendable {
    private struct State {
        var sent = 0
        /// The requests a worker waits for, each with the semaphore it waits on.
        var waiting: [RequestID: DispatchSemaphore] = [:]
        /// Whether each awaited request was answered without error.
        var arrived: [RequestID: Bool] = [:]
        var callbacks: [RequestID: @Sendable (JSON?) -> Void] = [:]

        mutating func nextID() -> RequestID {
            sent += 1
            return .string("notelint-ask-\(sent)")
        }
    }

    private let state = Mutex(State())

    /// Sends the request `method` to the client and waits for its answer: whether the client
    /// answered without error within `seconds`.
    func ask(_ method: String, _ params: JSON, over connection: Connection, seconds: Double = 5) -> Bool {
        let answered = DispatchSemaphore(value: 0)
        let id = state.withLock { state in
            let id = state.nextID()
            state.waiting[id] = answered
            return id
        }
        connection.send(.object([("jsonrpc", .string("2.0")), ("id", id.json), ("method", .string(method)), ("params", params)]))
        _ = answered.wait(timeout: .now() + seconds)
        return state.withLock { state in
            state.waiting[id] = nil
            return state.arrived.removeValue(forKey: id) ?? false
        }
    }

    /// Sends the request `method` to the client; `answered` gets its result (nil after an
    /// error) on the thread that reads messages, whenever the answer comes.
    func send(_ method: String, _ params: JSON, over connection: Connection, answered: @escaping @Sendable (JSON?) -> Void) {
        let id = state.withLock { state in
            let id = state.nextID()
            state.callbacks[id] = answered
            return id
        }
        connection.send(.object([("jsonrpc", .string("2.0")), ("id", id.json), ("method", .string(method)), ("params", params)]))
    }

    func deliver(_ id: RequestID?, result: JSON?, failed: Bool) {
        guard let id else { return }
        let (callback, waiter) = state.withLock { state in
            let waiter = state.waiting[id]
            if waiter != nil { state.arrived[id] = !failed }
            return (state.callbacks.removeValue(forKey: id), waiter)
        }
        waiter?.signal()
        callback?(failed ? nil : result ?? .null)
    }
}
