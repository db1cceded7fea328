import NoteInvariants
import Testing

@testable import NoteSyntax

private typealias Problem = SourceText.EncodingProblem

private func problems(_ bytes: [UInt8]) -> [Problem] { SourceText(bytes: bytes).encodingProblems }
private func invalid(_ start: Int, _ end: Int) -> Problem { Problem(range: ByteRange(start, end), kind: .invalidUTF8) }
private func nul(_ at: Int) -> Problem { Problem(range: ByteRange(at, at + 1), kind: .nul) }
private let a = UInt8(ascii: "a")
private let b = UInt8(ascii: "b")
private let q = UInt8(ascii: "?")

@Suite struct SourceTextTests {
    @Test func validTextIsUntouched() {
        let bytes = Array("Title: Café 中 😀 e\u{301}\r\n".utf8)
        let source = SourceText(bytes: bytes)
        #expect(source.bytes == bytes)
        #expect(source.encodingProblems.isEmpty)
        #expect(source.count == bytes.count)
    }

    @Test func loneFF() {
        let source = SourceText(bytes: [a, 0xFF, b])
        #expect(source.encodingProblems == [invalid(1, 2)])
        #expect(source.bytes == [a, q, b])
    }

    @Test func truncatedSequences() {
        // E2 82 AC is €; cut after two bytes, then followed by ASCII.
        #expect(problems([a, 0xE2, 0x82, b]) == [invalid(1, 3)])
        #expect(SourceText(bytes: [a, 0xE2, 0x82, b]).bytes == [a, q, q, b])
        // 😀 (F0 9F 98 80) cut at the end of the text.
        #expect(problems([a, 0xF0, 0x9F, 0x98]) == [invalid(1, 4)])
        // A lead byte followed by another lead byte: the second, valid sequence is kept.
        #expect(problems([0xC3, 0xC3, 0xA9]) == [invalid(0, 1)])
        #expect(SourceText(bytes: [0xC3, 0xC3, 0xA9]).bytes == [q, 0xC3, 0xA9])
    }

    @Test func overlongEncodings() {
        #expect(problems([a, 0xC0, 0xAF, b]) == [invalid(1, 3)])  // "/" in two bytes
        #expect(problems([0xC1, 0xBF]) == [invalid(0, 2)])
        #expect(problems([0xE0, 0x80, 0xAF]) == [invalid(0, 3)])  // "/" in three bytes
        #expect(problems([0xF0, 0x80, 0x80, 0xAF]) == [invalid(0, 4)])  // "/" in four bytes
    }

    @Test func surrogatesAndCodePointsPastTheEnd() {
        #expect(problems([a, 0xED, 0xA0, 0x80, b]) == [invalid(1, 4)])  // U+D800
        #expect(problems([0xED, 0xBF, 0xBF]) == [invalid(0, 3)])  // U+DFFF
        #expect(problems([0xF4, 0x90, 0x80, 0x80]) == [invalid(0, 4)])  // U+110000
        #expect(problems([0xF5, 0x80, 0x80, 0x80]) == [invalid(0, 4)])
        #expect(problems([0x80]) == [invalid(0, 1)])  // stray continuation
    }

    @Test func validEdgesAreAccepted() {
        #expect(problems([0xED, 0x9F, 0xBF]).isEmpty)  // U+D7FF
        #expect(problems([0xEE, 0x80, 0x80]).isEmpty)  // U+E000
        #expect(problems([0xF4, 0x8F, 0xBF, 0xBF]).isEmpty)  // U+10FFFF
        #expect(problems([0xC2, 0x80]).isEmpty)  // U+0080
        #expect(problems([0xE0, 0xA0, 0x80]).isEmpty)  // U+0800
        #expect(problems([0xF0, 0x90, 0x80, 0x80]).isEmpty)  // U+10000
    }

    @Test func separateAndAdjacentProblems() {
        #expect(problems([0xFF, a, 0xFE]) == [invalid(0, 1), invalid(2, 3)])
        #expect(problems([0xFF, 0xFE]) == [invalid(0, 2)])
        #expect(problems([0xFF, 0x00, 0xFE]) == [invalid(0, 1), nul(1), invalid(2, 3)])
    }

    @Test func nulBytes() {
        let source = SourceText(bytes: [a, 0, b, 0, 0])
        #expect(source.encodingProblems == [nul(1), nul(3), nul(4)])
        #expect(source.bytes == [a, q, b, q, q])
    }

    @Test func problemsArePlacedOnTheirLine() {
        let note = Note(bytes: Array("Title: x\nLink: ".utf8) + [0xFF] + Array("\r\nDate: ".utf8) + [0])
        #expect(note.source.encodingProblems == [invalid(15, 16), nul(24)])
        #expect(note.lineIndex.position(of: 15, in: .utf16) == LineIndex.Position(line: 1, column: 6))
        #expect(note.lineIndex.position(of: 24, in: .utf16) == LineIndex.Position(line: 2, column: 6))
        #expect(note.entries.first?.field("Link")?.value == "?")
    }

    @Test func randomBytesAreSanitizedByteForByte() {
        var generator = SeededGenerator(seed: 0x5EED)
        let alphabet: [UInt8] = [
            0x00, 0x0A, 0x0D, 0x20, 0x61, 0x7F, 0x80, 0x8F, 0x9F, 0xA0, 0xBF,
            0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
        ]
        for _ in 0..<500 {
            // Runs of plain ASCII between the odd bytes: the sanitiser skips those a word at a time.
            let input = (0..<Int.random(in: 0...24, using: &generator)).flatMap { _ in
                Bool.random(using: &generator)
                    ? [alphabet.randomElement(using: &generator)!]
                    : [UInt8](repeating: 0x61, count: Int.random(in: 1...19, using: &generator))
            }
            let source = SourceText(bytes: input)
            #expect(source.lineIndex.lineStarts == Self.lineStarts(source.bytes), "\(input)")
            #expect(source.bytes.count == input.count)
            var flagged = [Bool](repeating: false, count: input.count)
            var previousEnd = 0
            for problem in source.encodingProblems {
                #expect(problem.range.start >= previousEnd && !problem.range.isEmpty && problem.range.end <= input.count)
                previousEnd = problem.range.end
                for offset in problem.range.start..<problem.range.end { flagged[offset] = true }
            }
            for offset in input.indices {
                #expect(source.bytes[offset] == (flagged[offset] ? q : input[offset]), "\(input) at \(offset)")
            }
            #expect(!source.bytes.contains(0))
            // What is left is valid UTF-8.
            #expect(String(validating: source.bytes, as: UTF8.self) != nil, "\(input)")
            // Only invalid bytes and NULs are flagged: Swift's own decoder keeps the same scalars.
            let kept = input.indices.filter { !flagged[$0] }.map { input[$0] }
            let expected = String(decoding: input, as: UTF8.self).unicodeScalars.filter { $0 != "\u{FFFD}" && $0 != "\0" }
            #expect(Array(String(decoding: kept, as: UTF8.self).unicodeScalars) == Array(expected), "\(input)")
        }
    }

    /// Where lines start after `\n`, `\r\n` or a lone `\r`, found byte by byte.
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var offset = 0
        while offset < bytes.count {
            if bytes[offset] == 0x0D && offset + 1 < bytes.count && bytes[offset + 1] == 0x0A { offset += 1 }
            if bytes[offset] == 0x0A || bytes[offset] == 0x0D { starts.append(offset + 1) }
            offset += 1
        }
        return starts
    }

    @Test func lineHelpers() {
        let source = SourceText("a\t \r\n \t\rb")
        #expect(source.lineIndex.lineCount == 3)
        #expect(source.lineString(0) == "a\t ")
        #expect(source.isBlankLine(1))
        #expect(!source.isBlankLine(0))
        #expect(source.lineContent(2) == ByteRange(8, 9))
        #expect(source.byte(at: 8) == UInt8(ascii: "b"))
        #expect(source.byte(at: 9) == nil)
        #expect(source.byte(at: -1) == nil)
    }
}
