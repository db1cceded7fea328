import Foundation
import NoteInvariants
import TestSupport
import Testing

@testable import NoteSyntax

/// `BlockContentStarts` works the starts out when asked; they are those of making every
/// block's array of starts at once, as `BlockLines` did.
@Suite struct BlockContentStartsTests {
    static func eager(_ blocks: [Block], source: SourceText, covered: Range<Int>) -> [[Int]] {
        blocks.indices.map { index in
            let block = blocks[index]
            guard covered.contains(index) else { return [] }
            switch block.kind {
            case .paragraph, .heading: break
            default: return []
            }
            let depth = BlockLines.quoteDepth(of: index, in: blocks)
            return block.lines.map { line in
                let content = source.lineContent(line)
                return line == block.startLine
                    ? min(content.start + block.startColumn, content.end)
                    : BlockLines.stripContainers(source, from: content.start, to: content.end, quotes: depth)
            }
        }
    }

    static func fixtures() -> [[UInt8]] {
        let folder = PackagePaths.path("fixtures")
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        return files.sorted().compactMap { FileManager.default.contents(atPath: folder + "/" + $0).map { Array($0) } }
    }

    @Test func startsAsMadeAtOnce() {
        var texts = Self.fixtures()
        texts += [
            "> Title: A\n> Link: https://x.org\n>> deeper\n> > Date: 2020\n", "- Title: A\n  Link: b\n\n  1. x\n     y\n",
            "Heading\n---\n\nText\n  indented\n\ttabbed\n", "> - > a\n>   > b\n",
        ].map { Array($0.utf8) }
        var generator = SeededGenerator(seed: 0x5354_4152)
        let notes = RandomNotes(notes: texts)
        for _ in 0..<300 { texts.append(notes.note(using: &generator)) }
        for bytes in texts {
            let note = Note(source: SourceText(bytes: bytes))
            let blocks = note.blocks
            for covered in [blocks.indices, blocks.count / 3..<max(blocks.count / 3, blocks.count / 2)] {
                let lazy = BlockLines.contentStarts(blocks: blocks, source: note.source, in: covered)
                let eager = Self.eager(blocks, source: note.source, covered: covered)
                for index in blocks.indices {
                    let starts = (0..<lazy.count(of: index)).map { lazy.start(of: index, at: $0) }
                    #expect(starts == eager[index], "block \(index) of \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                }
            }
        }
    }
}
