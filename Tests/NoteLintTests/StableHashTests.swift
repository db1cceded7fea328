import NoteLint
import Testing

/// `StableHash`, which keys the result cache by a file's content: the same bytes give the same
/// digest, and a change of one byte anywhere (in a lane of 32 bytes, in the words after them,
/// in the bytes after those) or of the length gives another.
@Suite struct StableHashTests {
    @Test func oneChangedByteOrLengthChangesTheDigest() {
        var seen: [String: [UInt8]] = [:]
        for length in 0...80 {
            let base = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            var variants = [base, base + [0]]
            for position in 0..<length {
                var changed = base
                changed[position] ^= 0x01
                variants.append(changed)
            }
            for bytes in variants {
                let digest = StableHash.hex(bytes)
                #expect(digest.utf8.count == 32 && digest.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
                if let earlier = seen[digest] { #expect(earlier == bytes, "\(bytes) and \(earlier) share \(digest)") }
                seen[digest] = bytes
            }
        }
        #expect(StableHash.hex(Array("note".utf8)) == StableHash.hex(Array("note".utf8)))
    }
}
