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
}
