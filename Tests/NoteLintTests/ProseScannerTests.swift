import NoteInvariants
import NoteSyntax
import Testing

@testable import NoteLint

/// The byte scanners that find link targets and arXiv references in a note's prose lines.
@Suite struct ProseScannerTests {
    /// The fixtures' samples and 300 random notes made from them.
    static func texts(seed: UInt64) -> [[UInt8]] {
        let notes = RandomNotes(notes: PipelinePropertyTests.fixtures())
        var generator = SeededGenerator(seed: seed)
        var texts = notes.samples
        for _ in 0..<300 { texts.append(notes.note(using: &generator)) }
        return texts
    }

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

    /// `ProseLinkTargets.all` reads only the lines with a `]`; it finds what reading every
    /// line finds, on fixtures and random notes, whole and in part.
    @Test func linkTargetsAsReadingEveryLine() {
        for bytes in Self.texts(seed: 0x4C49_4E4B) {
            let note = Note(source: SourceText(bytes: bytes))
            let count = note.lineKinds.count
            for lines in [nil, 0..<count, count / 3..<max(count / 3, count / 2), 0..<0] as [Range<Int>?] {
                let fast = ProseLinkTargets.all(in: note, lines: lines)
                let slow = ProseLinkTargets.allLineByLine(in: note, lines: lines)
                #expect(fast.map(\.range) == slow.map(\.range) && fast.map(\.text) == slow.map(\.text))
                #expect(fast.map(\.isSplitByBlank) == slow.map(\.isSplitByBlank))
            }
        }
    }

    /// `ProseArxivReferences.all` reads only the lines with an `x`; it finds what reading every
    /// line finds, with and without ranges to skip.
    @Test func arxivReferencesAsReadingEveryLine() {
        for bytes in Self.texts(seed: 0x4152_5849) {
            let note = Note(source: SourceText(bytes: bytes))
            let count = note.lineKinds.count
            let skipped = note.entries.flatMap { $0.fields.map(\.valueRange) }.sorted { $0.start < $1.start }
            // As `arxiv-id-invalid` skips them: whole fields, which skip whole lines.
            let skippedFields = note.entries.flatMap { $0.fields.map(\.range) }.sorted { $0.start < $1.start }
            // From the start of a line to the end of its first reference: a range that holds
            // the line's first `x` but not the rest of the line.
            var firstsOfLines: [ByteRange] = []
            for reference in ProseArxivReferences.allLineByLine(in: note) {
                let line = note.source.lineIndex.line(containing: reference.range.start)
                let start = note.source.lineIndex.lineStarts[line]
                if firstsOfLines.last.map({ $0.start != start }) ?? true { firstsOfLines.append(ByteRange(start, reference.range.end)) }
            }
            for lines in [nil, count / 3..<max(count / 3, count / 2), 0..<0] as [Range<Int>?] {
                for skipping in [[], skipped, skippedFields, firstsOfLines] {
                    let fast = ProseArxivReferences.all(in: note, lines: lines, skipping: skipping)
                    let slow = ProseArxivReferences.allLineByLine(in: note, lines: lines, skipping: skipping)
                    #expect(fast.map(\.range) == slow.map(\.range) && fast.map(\.raw) == slow.map(\.raw))
                }
            }
        }
    }
}
