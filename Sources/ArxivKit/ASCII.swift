/// Byte-level checks on UTF-8 text. Values in notes are short and mostly ASCII; looking at
/// bytes instead of Characters keeps the value rules cheap enough to run on every keystroke.
enum ASCII {
    /// Bytes read in place, from a string's own storage.
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// Whether `bytes` starts with `prefix` (ASCII, compared ignoring case).
    static func hasPrefix(_ bytes: Bytes, _ prefix: StaticString) -> Bool {
        guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
        var index = bytes.startIndex
        let pointer = prefix.utf8Start
        for offset in 0..<prefix.utf8CodeUnitCount {
            if lower(bytes[index]) != pointer[offset] { return false }
            index += 1
        }
        return true
    }

    /// Whether `bytes` starts with `prefix` exactly, case included.
    static func hasExactPrefix(_ bytes: Bytes, _ prefix: StaticString) -> Bool {
        guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
        var index = bytes.startIndex
        let pointer = prefix.utf8Start
        for offset in 0..<prefix.utf8CodeUnitCount {
            if bytes[index] != pointer[offset] { return false }
            index += 1
        }
        return true
    }

    /// The decimal value of an all-digit run, or nil.
    static func number(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
