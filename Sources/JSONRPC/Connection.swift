import Foundation
import Synchronization

/// Writes framed messages to a file descriptor: each message is one write under a lock, so
/// messages from several threads never interleave.
public final class Connection: Sendable {
    private let descriptor: Int32
    /// Held for each whole write; holds the number of the next request the server sends.
    private let writing = Mutex(1)

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Fragments this large are written from their own bytes, not copied into the message.
    private static let apartFragmentSize = 1 << 16

    public func send(_ message: JSON) {
        var body: [UInt8] = []
        var apart: [JSON.ApartFragment] = []
        message.write(into: &body, apart: &apart, from: Connection.apartFragmentSize)
        let length = apart.reduce(body.count) { $0 + $1.bytes.count }
        var head = Array("Content-Length: \(length)\r\n\r\n".utf8)
        head += body[..<(apart.first?.offset ?? body.count)]
        writing.withLock { _ in
            guard writeAll(head[...]) else { return }
            for (index, fragment) in apart.enumerated() {
                let next = index + 1 < apart.count ? apart[index + 1].offset : body.count
                guard writeAll(fragment.bytes[...]), writeAll(body[fragment.offset..<next]) else { return }
            }
        }
    }

    /// False when the descriptor refuses the bytes (the client is gone).
    private func writeAll(_ bytes: ArraySlice<UInt8>) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    public func respond(_ id: RequestID?, result: JSON) {
        send(.object(["jsonrpc": .string("2.0"), "id": id?.json ?? .null, "result": result]))
    }

    public func respond(_ id: RequestID?, error code: Int, _ message: String) {
        send(
            .object([
                "jsonrpc": .string("2.0"), "id": id?.json ?? .null,
                "error": .object(["code": .int(code), "message": .string(message)]),
            ]))
    }

    public func notify(_ method: String, _ params: JSON) {
        send(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
    }

    /// Sends a request to the client; its response is read like any message and ignored.
    @discardableResult
    public func request(_ method: String, _ params: JSON) -> RequestID {
        let id = writing.withLock { next in
            defer { next += 1 }
            return RequestID.string("notelint-\(next)")
        }
        send(.object(["jsonrpc": .string("2.0"), "id": id.json, "method": .string(method), "params": params]))
        return id
    }
}
