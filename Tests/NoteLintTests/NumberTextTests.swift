import NoteInvariants
import NoteLint
import Testing

@Suite struct NumberTextTests {
    @Test func digitsAreThoseOfTheStandardLibrary() {
        var generator = SeededGenerator(seed: 41)
        var decimals: [Int] = [0, 1, 9, 10, 99, 100, -1, -10, Int.max, Int.min]
        var hexes: [UInt64] = [0, 1, 15, 16, 255, 256, UInt64.max, 1 << 63, (1 << 60) - 1, 1 << 60]
        for _ in 0..<2_000 {
            let bits = Int.random(in: 0...62, using: &generator)
            decimals.append(Int.random(in: -(1 << bits)...(1 << bits), using: &generator))
            hexes.append(UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64(bits))
        }
        for value in decimals {
            var out: [UInt8] = [UInt8(ascii: "x")]
            NumberText.appendDecimal(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "x" + String(value))
        }
        for value in hexes {
            var out: [UInt8] = []
            NumberText.appendHex(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value, radix: 16))
            out = []
            NumberText.appendHex(value, minimumDigits: 16, to: &out)
            let hex = String(value, radix: 16)
            #expect(String(decoding: out, as: UTF8.self) == String(repeating: "0", count: 16 - hex.count) + hex)
            out = []
            NumberText.appendDecimal(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
    }
}
