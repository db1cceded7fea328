import Foundation

/// Reads `Content-Length`-framed messages from a file descriptor. Header names compare
/// ignoring case, unknown headers are ignored, reads may arrive in any pieces. A message
/// over `maximumSize` is skipped without being kept in memory.
public final class MessageReader {
    public enum Frame: Equatable {
        case message(Data)
        /// A body over the maximum size was skipped.
        case tooLarge(declared: Int)
        /// A header block that could not be used (no or invalid Content-Length).
        case malformedHeader(String)
        /// The input ended (possibly in the middle of a message).
        case end
    }

    public let maximumSize: Int
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private static let headerEnd: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
    private static let maximumHeaderSize = 64 * 1024

    public init(descriptor: Int32, maximumSize: Int = 64 * 1024 * 1024) {
        self.descriptor = descriptor
        self.maximumSize = maximumSize
    }

    /// The next frame; blocks until one is complete or the input ends.
    public func next() -> Frame {
        while true {
            guard let headerRange = findHeaderEnd() else {
                if available > Self.maximumHeaderSize {
                    discard(available)
                    return .malformedHeader("no end of headers in the first \(Self.maximumHeaderSize) bytes")
                }
                guard fill() else { return .end }
                continue
            }
            let header = String(decoding: buffer[start..<headerRange], as: UTF8.self)
            discard(headerRange + 4 - start)
            guard let length = Self.contentLength(in: header) else {
                return .malformedHeader("no valid Content-Length header")
            }
            if length > maximumSize {
                guard skip(length) else { return .end }
                return .tooLarge(declared: length)
            }
            while available < length {
                guard fill() else { return .end }
            }
            let body = Data(buffer[start..<(start + length)])
            discard(length)
            return .message(body)
        }
    }

    /// Puts bytes back in front of the input: the rest of a body that was found to hold the
    /// start of the next message (its Content-Length overstated the body).
    public func unread(_ bytes: Data) {
        buffer = Array(bytes) + buffer[start...]
        start = 0
    }

    static func contentLength(in header: String) -> Int? {
        var length: Int? = nil
        for line in header.split(whereSeparator: \.isNewline) {
            // The name is looked for anywhere in the line: after a body whose Content-Length
            // understated it, the rest of that body stands in front of the next header.
            guard let name = line.lowercased().range(of: "content-length") else { continue }
            let afterName = line.lowercased()[name.upperBound...]
            guard let colon = afterName.firstIndex(of: ":"),
                afterName[..<colon].allSatisfy({ $0 == " " || $0 == "\t" })
            else { continue }
            let value = afterName[afterName.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard let number = Int(value), number >= 0 else { return nil }
            length = number
        }
        return length
    }

    private var available: Int { buffer.count - start }

    private func findHeaderEnd() -> Int? {
        guard available >= 4 else { return nil }
        var index = start
        while index + 4 <= buffer.count {
            if buffer[index] == 0x0D && buffer[index + 1] == 0x0A && buffer[index + 2] == 0x0D && buffer[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        return nil
    }

    private func discard(_ count: Int) {
        start += count
        if start > 1 << 20 || start == buffer.count {
            // A large message (a note opened) leaves a large buffer: keep only what is still
            // unread, in new storage, so its capacity goes back too. Keystrokes' messages are
            // small: a megabyte kept for them would sit in the server's memory for good.
            buffer =
                buffer.capacity > 256 << 10
                ? Array(buffer[start...])
                : {
                    buffer.removeFirst(start)
                    return buffer
                }()
            start = 0
        }
    }

    /// Reads more input; false at the end of input.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer += chunk[0..<count]
                return true
            }
            if count < 0 && errno == EINTR { continue }
            return false
        }
    }

    /// Drops `count` bytes of input without keeping them.
    private func skip(_ count: Int) -> Bool {
        var remaining = count
        let fromBuffer = min(remaining, available)
        discard(fromBuffer)
        remaining -= fromBuffer
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while remaining > 0 {
            let wanted = min(remaining, chunk.count)
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { return false }
            remaining -= got
        }
        return true
    }
}
