import NoteInvariants
import Testing

@testable import NoteSyntax

/// Paragraphs and headings parsed without their inline pass (`ParagraphInlineSkip`) leave the
/// blocks as a parse with every inline pass leaves them.
@Suite struct ParagraphInlineSkipTests {
    /// The blocks of `text`, and how many inline passes were skipped (nil: none was to be).
    private static func parse(_ text: String, skipping: Bool) -> (blocks: [Block], skipped: Int?) {
        let bytes = Array(text.utf8)
        let lineStarts = LineIndex(bytes).lineStarts
        let lines = 0..<lineStarts.count
        let skip =
            skipping
            ? ParagraphInlineSkip(
                referenceLines: bytes.withUnsafeBufferPointer {
                    ParagraphInlineSkip.referenceLines(in: $0, lines: lines, lineStarts: lineStarts)
                })
            : nil
        let blocks = CmarkBridge.parse([bytes[...]], lines: lines, bytes: bytes, lineStarts: lineStarts, skipping: skip)
        return (blocks, skip?.skippedInlinePasses)
    }

    /// Pieces that meet every way a paragraph ends or changes: tables under paragraph lines,
    /// setext underlines with text right under them, lazy lines in quotes, list items and
    /// definitions, footnote references on a first, middle or lazy line and inside definitions,
    /// definitions referenced or not, reference definitions, other line endings.
    private static let pieces = [
        "Title: A paper\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n\n",
        "Prose that goes on\nfor a second line\nand a third.\n\n", "A first line [^a]\nthen more\n\n",
        "A first line\nthen a reference [^b]\nand more\n\n", "intro line\nsecond line\n| a | b |\n|---|---|\n| 1 | 2 |\n\n",
        "| a | b |\n|---|---|\n| [^a] | 2 |\n\n", "Heading text\nmore of it\n===\n\n", "Setext\ntwo lines\n---\nright under it\n\n",
        "Text over a rule\n---\n\n", "> quoted\n> more\nlazy line [^a] here\n\n", "> quoted\n> more\nlazy line\n\n",
        "- item\n  more\nlazy [^b] line\n\n", "- item\n  - nested\n    text\n", "[^a]: the first note\n\n",
        "[^b]: the second note\n    indented more\n\n", "[^c]: never referenced\n\n    a second paragraph\nlazy [^d] in it\n\n",
        "[^d]: named only from a dropped definition\n\n", "[x]: https://example.org\nrest of the paragraph\n\n",
        "<div>\nhtml [^a]\n</div>\n\n", "```\ncode [^b]\n```\n\n", "text [\n^a] split\n\n", "crlf line\r\nnext [^a]\r\nlast\r\n\r\n",
        "lone cr\rnext [^c]\rlast\r\r", "    indented code\n", "a [^missing] reference\nsecond\n\n", "text\n", "# Heading [^a]\n",
        "# Heading\n", "One line\n\n",
    ]

    @Test func blocksAreThoseOfAFullInlinePass() {
        var generator = SeededGenerator(seed: 23)
        var skipped = 0
        for _ in 0..<500 {
            let count = Int.random(in: 1...14, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let parsed = Self.parse(text, skipping: true)
            #expect(parsed.blocks == Self.parse(text, skipping: false).blocks, "\(text.debugDescription)")
            skipped += parsed.skipped ?? 0
        }
        #expect(skipped > 1_000)
    }

    /// Records, one-line paragraphs and headings are spared their inline pass; the paragraph
    /// with a reference, on its lazy line, is not.
    @Test func blocksWithoutReferencesAreSkipped() {
        let text =
            "# Reading\n\nTitle: A paper\nLink: https://arxiv.org/abs/2104.09864\n\nOne line.\n\n> quoted\nlazy [^a]\n\n[^a]: the note\n"
        let parsed = Self.parse(text, skipping: true)
        #expect(parsed.skipped == 3)
        #expect(parsed.blocks.contains { $0.kind == .footnoteDefinition })
        #expect(parsed.blocks == Self.parse(text, skipping: false).blocks)
    }

    @Test func referenceLinesAreNumberedAsCmarkNumbersLines() {
        let bytes = Array("a\r[^x]\r\nb\n[^y] [^z]\nc [\n^d]".utf8)
        let lineStarts = LineIndex(bytes).lineStarts
        let all = bytes.withUnsafeBufferPointer {
            ParagraphInlineSkip.referenceLines(in: $0, lines: 0..<lineStarts.count, lineStarts: lineStarts)
        }
        #expect(all == [2, 4])
        let fromThird = bytes.withUnsafeBufferPointer { ParagraphInlineSkip.referenceLines(in: $0, lines: 2..<4, lineStarts: lineStarts) }
        #expect(fromThird == [2])
    }
}
