import Testing

@testable import NoteSyntax

@Suite struct BlockPositionTests {
    /// cmark-gfm gives the paragraph a table splits off no position; it keeps its own lines,
    /// whatever line it is on (once it was put on line 1, or on the first line of a re-parse).
    @Test func aParagraphAboveATableThatInterruptsItKeepsItsLines() {
        let note = Note("# Survey\n\n## Models\nSome prose\nmore prose\n| Title | Year |\n|---|---|\n| A | 2024 |\n")
        let paragraph = note.blocks.first { $0.kind == .paragraph }
        #expect(paragraph?.lines == 3...4)
        let table = note.blocks.first { $0.kind == .extensionBlock("table") }
        #expect(table?.lines == 5...7)
    }

    /// cmark-gfm puts footnote definitions after every other block: the blocks after a
    /// definition are still found by line (they were not, so a thematic break or paragraph
    /// below a definition had no block and "Disable here" went mid-paragraph).
    @Test func blocksBelowAFootnoteDefinitionAreFoundByLine() {
        let note = Note("Text[^1].\n\n[^1]: a note\n    more\n\nA paragraph\nsecond line\n\n---\n\nMore\n")
        let found = (0..<note.lineIndex.lineCount).map { line in note.innermostBlock(containingLine: line).map { "\($0.kind) \($0.lines)" }
        }
        #expect(
            found == [
                "paragraph 0...0", nil, "paragraph 2...3", "paragraph 2...3", "footnoteDefinition 2...4", "paragraph 5...6",
                "paragraph 5...6", nil,
                "thematicBreak 8...8", nil, "paragraph 10...10", nil,
            ])
    }
}
