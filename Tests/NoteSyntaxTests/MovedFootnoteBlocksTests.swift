import NoteInvariants
import Testing

@testable import NoteSyntax

/// `Note.movedFootnoteBlocks` splits the blocks where the incremental parse and the lookups
/// need it: before, the blocks in document order with no footnote definition at the top level;
/// from there, the definitions cmark-gfm moved to the end, with their own blocks.
@Suite struct MovedFootnoteBlocksTests {
    private func expectSplit(_ bytes: [UInt8], _ comment: Comment? = nil) {
        let note = Note(source: SourceText(bytes: bytes))
        let blocks = note.blocks
        let split = note.movedFootnoteBlocks
        #expect(split >= 1 && split <= blocks.count, comment)
        for index in 1..<split {
            #expect(!(blocks[index].parent == 0 && blocks[index].kind == .footnoteDefinition), comment)
            #expect(blocks[index].startLine >= blocks[index - 1].startLine, "document order at \(index)")
        }
        for index in split..<blocks.count where blocks[index].parent == 0 {
            #expect(blocks[index].kind == .footnoteDefinition, comment)
        }
        if split < blocks.count { #expect(blocks[split].parent == 0 && blocks[split].kind == .footnoteDefinition, comment) }
    }

    @Test func theMovedDefinitionsAreTheLastTopLevelBlocks() {
        let cases = [
            "", "Title: A\nLink: x\n", "[^a]: only a definition\n", "Text[^a].\n\n[^a]: the note\n",
            "Text[^b] and[^a].\n\n[^a]: first\n    > quoted\n\n[^b]: second\n\n- a list\n- after\n",
            "> Quoted[^q].\n> [^q]: inside a quote\n\nLater.\n", "[^u]: unused\n\nText.\n",
        ]
        for text in cases { expectSplit(Array(text.utf8), "\(text.debugDescription)") }
    }

    @Test func randomNotesSplitThere() {
        var texts = [
            "Text[^a].\n\n[^a]: note\n", "Title: A[^x]\nLink: y\n\n[^x]: a\n\n> [^y]: quoted\n\n[^y]\n",
        ].map { Array($0.utf8) }
        var generator = SeededGenerator(seed: 0x464E_4D56)
        let notes = RandomNotes(notes: texts)
        for _ in 0..<400 { texts.append(notes.note(using: &generator)) }
        for bytes in texts { expectSplit(bytes) }
    }
}
