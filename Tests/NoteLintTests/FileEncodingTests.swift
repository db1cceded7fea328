import NoteInvariants
import NoteLint
import NoteSyntax
import Testing

/// Files that are not notes, and notes with bad bytes: what `file-encoding` says of them and
/// what the other rules still get to see.
@Suite struct FileEncodingTests {
    private let blank = "Title:\nLink:\n"

    private func lint(_ bytes: [UInt8]) -> [Diagnostic] {
        try! Linter().lint(SourceText(bytes: bytes)).diagnostics
    }

    private func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    @Test func aBinaryFileGetsOneFindingAndNoOtherRuleRuns() {
        let found = lint(Array(blank.utf8) + randomBytes(100_000, seed: 7))
        #expect(found.map(\.ruleID) == ["file-encoding"])
        #expect(found.first?.message.hasPrefix("binary file: ") == true)
        #expect(found.first?.message.hasSuffix(" in the first 8 KB; not linted") == true)
        #expect(found.first?.message.contains(" NUL bytes") == true)
    }

    @Test func theMessageCountsWhatWasSeenInAShortFile() {
        let found = lint(Array("a\u{0}\u{0}\u{0}b\n".utf8))
        #expect(found.map(\.message) == ["binary file: 3 NUL bytes in its 6 bytes; not linted"])
        #expect(found.first?.range == ByteRange(1, 2))
    }

    @Test func textInAnotherEncodingIsNotLintedEither() {
        // "Привет, мир" in Windows-1251: almost every byte is a lone byte above 0x7F.
        let windows1251: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2C, 0x20, 0xEC, 0xE8, 0xF0, 0x0A]
        let found = lint(Array(blank.utf8) + windows1251)
        #expect(found.map(\.ruleID) == ["file-encoding"])
        #expect(found.first?.message.hasPrefix("not UTF-8 text (binary, or another encoding): ") == true)
    }

    @Test func aNoteWithAFewBadBytesIsStillLinted() {
        let found = lint(Array((blank + "\nA Latin-1 byte: caf").utf8) + [0xE9] + Array(".\nA NUL: a".utf8) + [0] + Array("b.\n".utf8))
        #expect(found.map(\.ruleID) == ["entry-blank", "file-encoding", "file-encoding"])
        #expect(
            found.filter { $0.ruleID == "file-encoding" }.map(\.message) == ["byte that is not valid UTF-8", "the text holds a NUL byte"])
    }

    @Test func pastTwentyPlacesTheRestAreCountedInOneFinding() {
        var bytes: [UInt8] = []
        for _ in 0..<30 { bytes += Array("One Latin-1 byte in a longer line: caf".utf8) + [0xE9] + Array(".\n".utf8) }
        let found = lint(bytes).filter { $0.ruleID == "file-encoding" }
        #expect(found.count == 21)
        #expect(found.prefix(20).allSatisfy { $0.message == "byte that is not valid UTF-8" })
        #expect(found.last?.message == "and 10 more places with bytes that are not valid UTF-8 or NUL bytes, not reported one by one")
        #expect(found.last?.range == SourceText(bytes: bytes).encodingProblems[20].range)
    }

    @Test func quotedNoteTextIsClippedToTwoHundredScalars() {
        #expect(QuotedText.clipped("2021-13-01") == "2021-13-01")
        let exact = String(repeating: "x", count: QuotedText.limit)
        #expect(QuotedText.clipped(exact) == exact)
        let clipped = QuotedText.clipped(exact + "y")
        #expect(clipped.unicodeScalars.count == QuotedText.limit)
        #expect(clipped.hasSuffix("x…"))
        // One character of endless combining marks is cut too.
        #expect(QuotedText.clipped("e" + String(repeating: "\u{301}", count: 10_000)).unicodeScalars.count == QuotedText.limit)
    }

    @Test func aMessageQuotesAtMostTwoHundredScalarsOfAHugeValue() {
        let value = String(repeating: "9", count: 2_000_000)
        let found = try! Linter().lint(SourceText("Title: A\nLink: https://example.org\nDate: \(value)\n")).diagnostics
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.message.unicodeScalars.count < 400 })
    }
}
