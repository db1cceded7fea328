import Foundation
import JSONRPC

/// Reads everything the servers write, for the whole run, and wakes whoever waits for the
/// response to a given request id. One output pipe and one connection serve every input, so a
/// lint still running from an earlier input never writes into a closed (and reused) descriptor.
final class ProbeCollector: @unchecked Sendable {
    let connection: Connection
    private let condition = NSCondition()
    private var answered = Set<String>()

    init() {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { fatalError("pipe: \(String(cString: strerror(errno)))") }
        connection = Connection(descriptor: descriptors[1])
        let reader = MessageReader(descriptor: descriptors[0])
        Thread.detachNewThread { [self] in
            while case .message(let body) = reader.next() {
                guard let json = try? JSON.parse(body), json["method"] == nil, let id = json["id"]?.string else { continue }
                condition.lock()
                answered.insert(id)
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    /// Waits up to `seconds` for a response to the request `id`.
    func waitForResponse(to id: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while !answered.contains(id) {
            guard condition.wait(until: deadline) else { return false }
        }
        answered.remove(id)
        return true
    }
}
