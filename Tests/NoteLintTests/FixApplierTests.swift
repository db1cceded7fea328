import NoteLint
import NoteSyntax
import Testing

@Suite struct FixApplierTests {
    private func apply(_ fixes: [Fix], to text: String) -> (String, Int) {
        let bytes = Array(text.utf8)
        let (result, count) = FixApplier.apply(fixes, to: bytes, lineEnding: LineEnding.detect(in: bytes))
        return (String(decoding: result, as: UTF8.self), count)
    }

    private func fix(_ edits: TextEdit...) -> Fix { Fix(title: "Edit", applicability: .safe, edits: edits) }

    @Test func appliesNonOverlappingEditsInOrder() {
        let (text, count) = apply([fix(TextEdit(range: ByteRange(4, 5), newText: "X")), fix(.insert("<", at: 0))], to: "abc\ndef\n")
        #expect(text == "<abc\nXef\n")
        #expect(count == 2)
    }

    @Test func dropsAWholeFixWhenOneOfItsEditsOverlaps() {
        let first = fix(TextEdit(range: ByteRange(0, 3), newText: "xyz"))
        let second = fix(TextEdit(range: ByteRange(2, 4), newText: "!"), .insert("?", at: 6))
        let (text, count) = apply([first, second], to: "abcdefg")
        #expect(text == "xyzdefg")
        #expect(count == 1)
    }

    @Test func insertionsAtOnePlaceGoInInTheOrderOfTheirFixes() {
        let (text, count) = apply([fix(.insert("a", at: 1)), fix(.insert("b", at: 1)), fix(.insert("c", at: 1))], to: "xy")
        #expect(text == "xabcy")
        #expect(count == 3)
    }

    @Test func theSameFixOfferedTwiceGoesInOnce() {
        let (text, count) = apply([fix(.insert("a", at: 1)), fix(.insert("a", at: 1))], to: "xy")
        #expect(text == "xay")
        #expect(count == 1)
    }

    @Test func anInsertionAtTheStartOfAReplacementConflicts() {
        let (text, count) = apply([fix(TextEdit(range: ByteRange(1, 2), newText: "Y")), fix(.insert("a", at: 1))], to: "xy")
        #expect(text == "xY")
        #expect(count == 1)
    }

    /// A deletion that ends the text at a bare CR and an insertion just after it, each harmless
    /// alone, would make one CRLF of two line breaks: the insertion waits for the next pass.
    @Test func twoEditsSideBySideNeverJoinABareCRAndAnLF() {
        let text = "a\n\rgone"
        let deletion = fix(TextEdit(range: ByteRange(3, 7), newText: ""))
        let insertion = fix(.insert("\n[^b]: TODO\n", at: 7))
        #expect(apply([deletion], to: text) == ("a\n\r", 1))
        #expect(apply([insertion], to: text) == ("a\n\rgone\n[^b]: TODO\n", 1))
        #expect(apply([deletion, insertion], to: text) == ("a\n\r", 1))
        #expect(apply([insertion, deletion], to: text) == ("a\n\r", 1))
    }

    @Test func insertedLineBreaksFollowTheFile() {
        let (text, _) = apply([fix(.insert("\n[^a]: TODO\n", at: 8))], to: "[^a]\r\n\r\n")
        #expect(text == "[^a]\r\n\r\n\r\n[^a]: TODO\r\n")
    }

    @Test func fixAllReachesAFixpointAndCountsWhatItApplied() throws {
        let text = "A.[^a] B.[^b]\n"
        let outcome = FixApplier.fixAll(Array(text.utf8), linter: try Linter(), allowed: [.safe, .unsafe])
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "A.[^a] B.[^b]\n\n[^a]: TODO\n\n[^b]: TODO\n")
        #expect(outcome.appliedCount == 2)
        #expect(outcome.converged)
        #expect(outcome.remaining.diagnostics.allSatisfy { $0.ruleID != "footnote-undefined" })
    }

    @Test func safeOnlyLeavesUnsafeFixesAlone() throws {
        let text = "Title:\nLink:\n"
        let outcome = FixApplier.fixAll(Array(text.utf8), linter: try Linter(), allowed: [.safe])
        #expect(outcome.bytes == Array(text.utf8))
        #expect(outcome.appliedCount == 0)
    }
}
