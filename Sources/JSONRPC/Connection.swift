import Foundation

/// Writes framed messages to a file descriptor: each message is one write under a lock, so
/// messages from several threads never interleave.
public final class Connection: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var nextID = 1

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public func send(_ message: JSON) {
        let body = Array(message.serialized().utf8)
        let frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        lock.lock()
        defer { lock.unlock() }
        var offset = 0
        while offset < frame.count {
            let written = frame.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    public func respond(_ id: RequestID?, result: JSON) {
        send(.object(["jsonrpc": .string("2.0"), "id": id?.json ?? .null, "result": result]))
    }

    public func respond(_ id: RequestID?, error code: Int, _ message: String) {
        send(.object(["jsonrpc": .string("2.0"), "id": id?.json ?? .null,
                      "error": .object(["code": .int(code), "message": .string(message)])]))
    }

    public func notify(_ method: String, _ params: JSON) {
        send(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
    }

    /// Sends a request to the client; its response is read like any message and ignored.
    @discardableResult
    public func request(_ method: String, _ params: JSON) -> RequestID {
        lock.lock()
        let id = RequestID.string("notelint-\(nextID)")
        nextID += 1
        lock.unlock()
        send(.object(["jsonrpc": .string("2.0"), "id": id.json, "method": .string(method), "params": params]))
        return id
    }
}
