import NoteSyntax

struct EntryBlank: Rule {
    static let description = RuleDescription(
        id: "entry-blank",
        summary: "an entry whose every field is empty: a leftover template",
        rationale: """
            Templates paste an empty entry to fill in later; when it stays empty it is noise in the note \
            and in every tool that reads entries. The fix removes the entry with its `---` separator; it \
            is unsafe so that format-on-save never deletes a template you just pasted.
            """,
        defaultSeverity: .warning,
        fix: .unsafe,
        fixNote: """
            Unsafe: it deletes the entry's lines and its `---` separator; a template left to fill in \
            later is lost.
            """,
        examples: RuleExamples(
            nonTriggering: [
                "Title: RoFormer\nLink:\nDate:\n"
            ],
            triggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n\n---\n\n↓Title: \nLink: \nDate: \nSubjects: \n"
            ],
            corrections: [
                .init(
                    "Title: A\nLink: https://example.org/a\nDate: 2020\n\n---\n\nTitle:\nLink:\n\n---\n\nTitle: B\nLink: https://example.org/b\nDate: 2021\n",
                    "Title: A\nLink: https://example.org/a\nDate: 2020\n\n---\n\nTitle: B\nLink: https://example.org/b\nDate: 2021\n"),
                .init(
                    "Title: A\nLink: https://example.org/a\nDate: 2020\n\n---\n\nTitle:\nLink:\n",
                    "Title: A\nLink: https://example.org/a\nDate: 2020\n"),
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        let note = context.note
        // By index: `for entry in note.entries` copies every entry to look at it.
        for index in note.entries.indices where note.entries[index].isBlank {
            let entry = note.entries[index]
            let removal = removalRange(entry, in: note)
            let fix = Fix(title: "Remove the empty entry", applicability: .unsafe, edits: [.delete(removal)])
            context.report("entry has no values: a leftover template", at: entry.range, fix: fix)
        }
    }

    /// The entry's lines with the `---` after it (or, for the last entry, before it) and one
    /// blank line beside that separator.
    private func removalRange(_ entry: Entry, in note: Note) -> ByteRange {
        let source = note.source
        let lastLine = source.lineIndex.lineCount - 1
        var first = entry.lines.lowerBound
        var last = entry.headingUnderlineLine ?? entry.lines.upperBound
        let isLastInFile = LineSpans.nextNonBlank(after: last, in: source) == nil
        if entry.headingUnderlineLine == nil, let next = LineSpans.nextNonBlank(after: last, in: source),
            isSeparator(next, in: note)
        {
            last = next
            if isBlank(last + 1, source) { last += 1 }
        } else if isLastInFile {
            // The last entry takes the separator before it, and the file keeps no trailing blanks.
            if let previous = LineSpans.previousNonBlank(before: first, in: source), isSeparator(previous, in: note) {
                first = previous
            }
            if isBlank(first - 1, source) { first -= 1 }
            last = lastLine
        } else if isBlank(last + 1, source) {
            last += 1
        } else if isBlank(first - 1, source) {
            first -= 1
        }
        return LineSpans.lines(first, last, in: source)
    }

    /// A `---` between entries: a thematic break, or the underline of an entry that `---`
    /// turned into a heading.
    private func isSeparator(_ line: Int, in note: Note) -> Bool {
        LineSpans.isThematicBreak(note, line: line) || note.entry(containingLine: line)?.headingUnderlineLine == line
    }

    private func isBlank(_ line: Int, _ source: SourceText) -> Bool {
        line >= 0 && line < source.lineIndex.lineCount && source.isBlankLine(line)
    }
}
