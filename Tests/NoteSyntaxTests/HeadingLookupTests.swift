import NoteInvariants
import Testing

@testable import NoteSyntax

/// `Note.hasHeading(startingOn:)` searches the blocks by halving: it answers as a look at
/// every block does.
@Suite struct HeadingLookupTests {
    @Test func answersAsAScanOfEveryBlock() {
        var texts = [
            "# Top\n\nText[^a].\n\n## Inside\n\n[^a]: note\n\n    # in code\n",
            "Intro\n===\n\n[^a]: # a heading in a definition\n\nx[^a]\n",
            "> # quoted\n\n- # in a list\n\n| A |\n|---|\n| 1 |\n",
        ].map { Array($0.utf8) }
        var generator = SeededGenerator(seed: 0x4844_4E47)
        let notes = RandomNotes(notes: texts + [Array("# H\n\nSetext\n---\n".utf8)])
        for _ in 0..<300 { texts.append(notes.note(using: &generator)) }
        for bytes in texts {
            let note = Note(source: SourceText(bytes: bytes))
            let lineCount = note.lineIndex.lineCount
            for low in 0...lineCount {
                for high in [low, low + 1, low + 3, lineCount + 1] where high >= low {
                    let scanned = note.blocks.contains { block in
                        guard case .heading = block.kind else { return false }
                        return (low..<high).contains(block.startLine)
                    }
                    #expect(note.hasHeading(startingOn: low..<high) == scanned, "lines \(low)..<\(high)")
                }
            }
        }
    }
}
