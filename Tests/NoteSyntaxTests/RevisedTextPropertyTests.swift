import NoteInvariants
import Testing

@testable import NoteSyntax

/// A text revised by one edit (`SourceText(bytes:revising:by:)`) is the text read afresh:
/// same bytes, encoding problems, lines and line contents, for random edits of random texts.
@Suite struct RevisedTextPropertyTests {
    static let pieces = ["a", "bc", " ", "\n", "\r", "\r\n", "\n\n", "\t", "é", "\u{0}", "Title: x\n", "---\n", "中文"]

    static func expectSame(_ revised: SourceText, _ fresh: SourceText, _ context: @autoclosure () -> String) -> Bool {
        let sameLines =
            revised.lineIndex.lineStarts == fresh.lineIndex.lineStarts
            && (0..<fresh.lineIndex.lineCount).allSatisfy { revised.lineContent($0) == fresh.lineContent($0) }
        guard revised.bytes == fresh.bytes, revised.encodingProblems == fresh.encodingProblems, sameLines,
            revised.lineIndex.isASCII == fresh.lineIndex.isASCII
        else {
            Issue.record("\(context())")
            return false
        }
        return true
    }

    @Test func randomEditsOfRandomTexts() {
        var generator = SeededGenerator(seed: 0x5445_5854)
        var revisedInPlace = 0
        var edits = 0
        for iteration in 0..<3000 {
            // Mostly ASCII texts, as most notes are: those are the ones revised in place.
            let asciiOnly = iteration % 4 != 0
            let choices = asciiOnly ? Self.pieces.filter { $0.utf8.allSatisfy { $0 != 0 && $0 < 0x80 } } : Self.pieces
            var bytes = Array(
                (0..<Int.random(in: 0...30, using: &generator)).map { _ in choices.randomElement(using: &generator)! }.joined().utf8)
            var text = SourceText(bytes: bytes)
            for step in 0..<Int.random(in: 1...6, using: &generator) {
                let start = Int.random(in: 0...bytes.count, using: &generator)
                let end = Int.random(in: start...min(bytes.count, start + Int.random(in: 0...4, using: &generator)), using: &generator)
                let inserted = Bool.random(using: &generator) ? Array(choices.randomElement(using: &generator)!.utf8) : []
                let before = bytes
                bytes.replaceSubrange(start..<end, with: inserted)
                let edit = TextReplacement(range: ByteRange(start, end), insertedCount: inserted.count)
                let revised = SourceText(bytes: bytes, revising: text, by: edit)
                let fresh = SourceText(bytes: bytes)
                edits += 1
                if text.lineIndex.isASCII && text.encodingProblems.isEmpty && fresh.lineIndex.isASCII && fresh.encodingProblems.isEmpty {
                    revisedInPlace += 1
                }
                guard
                    Self.expectSame(
                        revised, fresh,
                        "iteration \(iteration) step \(step): \(start)..<\(end) of \(String(decoding: before, as: UTF8.self).debugDescription) replaced by \(String(decoding: inserted, as: UTF8.self).debugDescription)"
                    )
                else { return }
                text = revised
            }
        }
        #expect(revisedInPlace * 2 > edits, "\(revisedInPlace) of \(edits) edits revised in place")
    }
}
