import Foundation

/// A JSON value. Objects keep their keys in order, so reports that document a key order
/// (the CLI's `--format json`) can keep it; lookups are linear, and objects are small.
public indirect enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])
    /// JSON text serialised earlier (a note's diagnostics written from their templates, a
    /// workspace symbol), as UTF-8 bytes written out as they are. Never produced by parsing;
    /// equal only to the same text.
    case fragment([UInt8])

    public static func == (lhs: JSON, rhs: JSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
        case (.string(let a), .string(let b)): return a == b
        case (.fragment(let a), .fragment(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { pair in b.contains { $0.0 == pair.0 && $0.1 == pair.1 } }
        default: return false
        }
    }

    public subscript(key: String) -> JSON? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public subscript(index: Int) -> JSON? {
        guard case .array(let items) = self, index >= 0, index < items.count else { return nil }
        return items[index]
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
    public var array: [JSON]? {
        if case .array(let value) = self { return value }
        return nil
    }
    public var isNull: Bool { self == .null }

    /// Integers, and doubles that hold an integer.
    public var int: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 9e15: return Int(value)
        default: return nil
        }
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    /// Builds an object, leaving out keys whose value is nil.
    public static func object(_ pairs: KeyValuePairs<String, JSON?>) -> JSON {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    // MARK: Parsing

    public struct ParseError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Parses UTF-8 JSON text.
    public static func parse(_ data: Data) throws -> JSON {
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard String(validating: bytes, as: UTF8.self) != nil else { throw ParseError(description: "the body is not valid UTF-8") }
            return try JSONParser.parse(bytes)
        }
    }

    // MARK: Writing

    /// Compact text, as the protocol sends it.
    public func serialized() -> String { String(decoding: serializedBytes(), as: UTF8.self) }

    /// `serialized()` as UTF-8 bytes.
    public func serializedBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        write(into: &bytes, indent: nil)
        return bytes
    }

    /// Two-space indented text, for people.
    public func pretty(indent: Int = 0) -> String {
        var bytes: [UInt8] = []
        write(into: &bytes, indent: indent)
        return String(decoding: bytes, as: UTF8.self)
    }

    public func write(into out: inout String, indent: Int?) {
        var bytes: [UInt8] = []
        write(into: &bytes, indent: indent)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// A fragment that `write(into:apart:from:)` left out of its output, and the offset in the
    /// output where its bytes belong.
    public struct ApartFragment: Sendable {
        public let offset: Int
        public let bytes: [UInt8]
    }

    /// Writes the text as UTF-8 bytes: appending bytes to an array costs a fraction of
    /// appending to a String, and a report holds hundreds of thousands of pieces.
    public func write(into out: inout [UInt8], indent: Int?) {
        var apart: [ApartFragment] = []
        write(into: &out, indent: indent, apart: &apart, from: .max)
    }

    /// The text without indentation, except that each fragment of `minimum` bytes or more is
    /// not copied into `out` but listed in `apart`: a large note's diagnostics array (1.8 MB
    /// for 5,000 findings) goes to the client as it was rendered.
    public func write(into out: inout [UInt8], apart: inout [ApartFragment], from minimum: Int) {
        write(into: &out, indent: nil, apart: &apart, from: minimum)
    }

    private func write(into out: inout [UInt8], indent: Int?, apart: inout [ApartFragment], from minimum: Int) {
        switch self {
        case .null: out.append(contentsOf: JSON.nullBytes)
        case .bool(let value): out.append(contentsOf: value ? JSON.trueBytes : JSON.falseBytes)
        case .int(let value): JSON.appendInteger(value, to: &out)
        case .double(let value):
            let text = value.isFinite ? (value.rounded() == value && abs(value) < 9e15 ? String(Int(value)) : String(value)) : "null"
            out.append(contentsOf: text.utf8)
        case .string(let value): JSON.quote(value, into: &out)
        case .fragment(let text):
            if text.count >= minimum {
                apart.append(ApartFragment(offset: out.count, bytes: text))
            } else {
                out.append(contentsOf: text)
            }
        case .array(let items):
            guard !items.isEmpty else {
                out.append(UInt8(ascii: "["))
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(UInt8(ascii: "["))
            let inner = indent.map { $0 + 1 }
            for index in items.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSON.newline(&out, inner)
                items[index].write(into: &out, indent: inner, apart: &apart, from: minimum)
            }
            JSON.newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else {
                out.append(UInt8(ascii: "{"))
                out.append(UInt8(ascii: "}"))
                return
            }
            out.append(UInt8(ascii: "{"))
            let inner = indent.map { $0 + 1 }
            for index in pairs.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSON.newline(&out, inner)
                JSON.quote(pairs[index].0, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                pairs[index].1.write(into: &out, indent: inner, apart: &apart, from: minimum)
            }
            JSON.newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    public static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        // Digits appended last first, then turned around in place: `String(value)` allocates,
        // and appending a buffer's worth goes a generic way that costs more than the digits.
        let start = out.count
        var magnitude = value.magnitude
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        var (low, high) = (start, out.count - 1)
        while low < high {
            out.swapAt(low, high)
            (low, high) = (low + 1, high - 1)
        }
    }

    /// The most bytes `writeInteger` writes: a sign and 19 digits.
    public static let maximumIntegerLength = 20

    /// Writes `value` in decimal at `target`, which has room for `maximumIntegerLength` bytes;
    /// returns how many bytes it wrote. For writers that size their buffer once: the digits
    /// are counted first and written in place, last first.
    @inlinable
    public static func writeInteger(_ value: Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var start = target
        if value < 0 {
            target.pointee = UInt8(ascii: "-")
            start += 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var bound: UInt = 10
        while digits < 20 && magnitude >= bound {
            digits += 1
            // The last step would overflow: 20 digits is as many as a UInt has.
            if digits < 20 { bound &*= 10 }
        }
        var place = start + digits
        repeat {
            place -= 1
            place.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        return start + digits - target
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        out.append(0x0A)
        for _ in 0..<(2 * indent) { out.append(0x20) }
    }

    /// Copies runs of bytes that need no escape whole; only quotes, backslashes and control
    /// characters are written one by one.
    public static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscape(of: byte, to: &out)
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendEscape(of byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        default:
            out.append(UInt8(ascii: "u"))
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "0"))
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
    }
}
