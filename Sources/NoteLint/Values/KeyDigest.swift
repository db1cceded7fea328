/// A 64-bit FNV-1a digest of an ASCII key's bytes: two ASCII keys of different digests differ.
/// Nil for a key with other characters, since Swift compares strings by canonical equivalence
/// (`K` and the Kelvin sign `\u{212A}` are one string) and their bytes would not say it.
enum KeyDigest {
    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func adding(_ byte: UInt8, to digest: UInt64) -> UInt64 {
        (digest ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    static func of(_ key: String) -> UInt64? {
        var key = key
        // Through the bytes' buffer: iterating `utf8` costs tens of instructions a byte.
        return key.withUTF8 { adding($0, to: basis) }
    }

    /// The digest of a key that continues with `bytes`; nil when one is not ASCII.
    static func adding(_ bytes: UnsafeBufferPointer<UInt8>, to digest: UInt64) -> UInt64? {
        var digest = digest
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            digest = adding(byte, to: digest)
        }
        return digest
    }
}
