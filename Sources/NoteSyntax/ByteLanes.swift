/// Tests on the eight bytes of a word at once (SWAR): each answer sets the high bit of every
/// byte ("lane") for which it holds, and no other bit. The byte at the lowest address is the
/// lowest lane (the word is read as little-endian), so a lane's predecessor is the lane below.
public enum ByteLanes {
    @usableFromInline static let high: UInt64 = 0x8080_8080_8080_8080
    @usableFromInline static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The eight bytes at `offset`, the first in the lowest lane.
    @inlinable
    public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// Lanes equal to `byte`.
    @inlinable
    public static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        // A lane's low seven bits plus 0x7F carries into its high bit unless they are zero,
        // and never into the next lane; or-ing the lane itself adds its own high bit.
        return ~(((difference & low7) &+ low7) | difference) & high
    }

    /// Lanes at most 0x20 (a blank or a control character) or 0x7F (DEL).
    @inlinable
    public static func blankOrControl(_ word: UInt64) -> UInt64 {
        // For a lane below 0x80, adding 0x5F to it sets its high bit exactly when it is 0x21 or more.
        let atLeast21 = ((word & low7) &+ 0x5F5F_5F5F_5F5F_5F5F) & high
        return (~(atLeast21 | word) & high) | equal(word, 0x7F)
    }
}
