import NoteSyntax
import Testing

/// `ByteLanes` answers for every byte value in every lane as a test of one byte would.
@Suite struct ByteLanesTests {
    /// Eight bytes of `filler` with `byte` in `lane`, and the answer that lane alone should set.
    static func word(_ byte: UInt8, inLane lane: Int, filler: UInt8) -> [UInt8] {
        var bytes = [UInt8](repeating: filler, count: 8)
        bytes[lane] = byte
        return bytes
    }

    static func lanes(_ bytes: [UInt8], where holds: (UInt8) -> Bool) -> UInt64 {
        bytes.enumerated().reduce(0) { mask, pair in holds(pair.element) ? mask | (0x80 << (8 * UInt64(pair.offset))) : mask }
    }

    static func loaded(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { ByteLanes.load($0, at: 0) }
    }

    @Test(arguments: [UInt8(ascii: "a"), 0x20, 0x7F, 0xC3])
    func blankOrControl(filler: UInt8) {
        for lane in 0..<8 {
            for value in 0...255 {
                let bytes = Self.word(UInt8(value), inLane: lane, filler: filler)
                let expected = Self.lanes(bytes) { $0 <= 0x20 || $0 == 0x7F }
                #expect(ByteLanes.blankOrControl(Self.loaded(bytes)) == expected, "byte \(value) in lane \(lane)")
            }
        }
    }

    @Test(arguments: [UInt8(0x20), 0x00, 0x7F, 0xFF])
    func equal(target: UInt8) {
        for lane in 0..<8 {
            for value in 0...255 {
                let bytes = Self.word(UInt8(value), inLane: lane, filler: UInt8(ascii: "x"))
                let expected = Self.lanes(bytes) { $0 == target }
                #expect(ByteLanes.equal(Self.loaded(bytes), target) == expected, "byte \(value) in lane \(lane)")
            }
        }
    }
}
