import Testing

@testable import NoteSyntax

/// `FieldLine.isKey` reads ASCII keys byte by byte through a table of byte classes; it answers
/// as its scalar-by-scalar reading does, for every ASCII byte first, in the middle and last.
@Suite struct KeyShapeTests {
    @Test func asciiBytesAreReadAsTheirScalars() {
        for byte in UInt8(0)..<0x80 {
            for key in [[byte], [byte, 0x61], [0x61, byte], [0x4B, byte, 0x39], [byte, byte]] {
                let text = String(decoding: key, as: UTF8.self)
                #expect(FieldLine.isKey(key[...]) == FieldLine.isKey(scalarsOf: text), "\(key)")
            }
        }
    }

    @Test func lengthAndLettersPastASCII() {
        let longest = String(repeating: "k", count: FieldLine.maximumKeyLength)
        #expect(FieldLine.isKey(Array(longest.utf8)[...]))
        #expect(!FieldLine.isKey(Array((longest + "k").utf8)[...]))
        #expect(FieldLine.isKey(Array("Année de publication".utf8)[...]))
        #expect(!FieldLine.isKey(Array("é!".utf8)[...]))
        #expect(!FieldLine.isKey(Array("-Title".utf8)[...]))
        #expect(FieldLine.isKey(Array("Title 2; v.1_a-b".utf8)[...]))
    }
}
