/// Searches for ASCII text compared byte by byte. `String.contains("://")` in a module that
/// sees Foundation resolves to Foundation's `range(of:)`, which bridges to NSString and costs
/// thousands of instructions a call; rules that run on every link of every note use these.
extension StringProtocol {
    /// Whether the text holds `needle` (ASCII), byte for byte.
    @inlinable public func contains(ascii needle: StaticString) -> Bool { firstUTF8Offset(of: needle) != nil }

    /// The UTF-8 offset where `needle` (ASCII) first starts, or nil.
    @inlinable public func firstUTF8Offset(of needle: StaticString) -> Int? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let view = utf8
        if let found = view.withContiguousStorageIfAvailable({ ByteSearch.first(pattern, in: $0) }) {
            return found
        }
        return Array(view).withUnsafeBufferPointer { ByteSearch.first(pattern, in: $0) }
    }

    /// Whether the text is `word` (ASCII), letters in either case.
    @inlinable public func equals(asciiIgnoringCase word: StaticString) -> Bool {
        utf8.count == word.utf8CodeUnitCount && hasPrefix(asciiIgnoringCase: word)
    }

    /// Whether the text starts with `prefix` (ASCII), letters in either case.
    @inlinable public func hasPrefix(asciiIgnoringCase prefix: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        if let answer = utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.count >= pattern.count
                && pattern.indices.allSatisfy { ASCIIByte.lowercased(bytes[$0]) == ASCIIByte.lowercased(pattern[$0]) }
        }) {
            return answer
        }
        var byte = utf8.makeIterator()
        for expected in pattern {
            guard let actual = byte.next(), ASCIIByte.lowercased(actual) == ASCIIByte.lowercased(expected) else { return false }
        }
        return true
    }
}

/// Byte classes of ASCII text.
public enum ASCIIByte {
    @inline(__always)
    public static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    @inline(__always)
    public static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }

    @inline(__always)
    public static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

extension StringProtocol {
    /// Whether any character of the text is whitespace (as `Character.isWhitespace` says),
    /// reading bytes while they are ASCII.
    @inlinable public var containsWhitespace: Bool {
        // In the string's own storage when it has one: iterating `utf8` costs ten times as much.
        let ascii: Bool? =
            utf8.withContiguousStorageIfAvailable { bytes in
                for byte in bytes {
                    if byte >= 0x80 { return nil }
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return true }
                }
                return false
            } ?? nil
        if let ascii { return ascii }
        for byte in utf8 {
            if byte >= 0x80 { return unicodeScalars.contains { $0.properties.isWhitespace } }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return true }
        }
        return false
    }
}
