import NoteSyntax
import Testing

@testable import NoteLint

/// The byte scanners that find link targets and arXiv references in a note's prose lines.
@Suite struct ProseScannerTests {
    @Test func linkTargetsOutsideCodeSpans() {
        let note = Note(
            """
            See `[a](not a link)` and [b](https://example.org/b) then [c](x (y) z) and `x` [d](<e f>).
            ]( [e]]( [f](https://example.org/f "title") `[g](h)
            [i](j) [s](k l)
            """)
        let targets = ProseLinkTargets.all(in: note)
        // `(x (y) z)`: the target `x` then a parenthesised title.
        #expect(targets.map(\.text) == ["https://example.org/b", "x", "<e", "https://example.org/f", "j", "k l"])
        #expect(targets.map(\.isSplitByBlank) == [false, false, false, false, false, true])
        for target in targets where !target.isSplitByBlank {
            #expect(note.source.string(target.range) == target.text)
        }
    }

    @Test func arxivReferencesInEitherCase() {
        let note = Note(
            """
            Read arXiv:2106.09685 and https://ARXIV.org/abs/1706.03762v5, not `arxiv:2101.00001`.
            An x, an X, xx and arxiv.org/pdf/2301.12345.pdf; arXiv:YYMM.NNNNN is a template.
            Text with exes: xxxxxxxxxxxxxxxx XXXXXXXXXX arxiv:hep-th/9901001
            """)
        let references = ProseArxivReferences.all(in: note)
        #expect(references.map(\.raw) == ["2106.09685", "1706.03762v5", "2301.12345", "hep-th/9901001"])
        for reference in references {
            #expect(note.source.string(reference.range) == reference.raw)
        }
    }
}
