import NoteInvariants
import Testing

@testable import NoteSyntax

/// `BlockChildren` links what an array of children for every parent held.
@Suite struct BlockChildrenTests {
    @Test func linksAsArraysHeldThem() {
        var texts = BlockContentStartsTests.fixtures()
        texts += ["- a\n- b\n  - c\n  - d\n\n> x\n> - y\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"].map { Array($0.utf8) }
        var generator = SeededGenerator(seed: 0x4348_494C)
        let notes = RandomNotes(notes: texts)
        for _ in 0..<300 { texts.append(notes.note(using: &generator)) }
        for bytes in texts {
            let blocks = Note(source: SourceText(bytes: bytes)).blocks
            for linked in [blocks.indices, blocks.count / 3..<max(blocks.count / 3, blocks.count / 2)] {
                var arrays = [Int: [Int]]()
                for index in linked { if let parent = blocks[index].parent { arrays[parent, default: []].append(index) } }
                let children = BlockChildren(blocks: blocks, linking: linked)
                for parent in blocks.indices {
                    let expected = arrays[parent] ?? []
                    let siblings = children[parent]
                    #expect(Array(siblings) == expected, "children of \(parent)")
                    #expect(siblings.count == expected.count && siblings.first == expected.first && siblings.isEmpty == expected.isEmpty)
                    for (position, child) in expected.enumerated() {
                        #expect(children.previous(before: child) == (position > 0 ? expected[position - 1] : nil))
                        #expect(children.next(after: child) == (position + 1 < expected.count ? expected[position + 1] : nil))
                    }
                }
            }
        }
    }
}
