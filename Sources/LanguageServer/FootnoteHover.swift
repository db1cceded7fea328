import NoteSyntax

/// Hover on a footnote reference: the text of its definition.
enum FootnoteHover {
    @Sendable static func hover(_ query: NoteQuery, _ offset: Int) -> HoverPart? {
        guard let use = FootnoteLabels.use(at: offset, in: query.note), !use.isDefinition else { return nil }
        let range = ByteRange(use.range.start - 2, use.range.end + 1)
        guard let definition = query.note.footnotes.definitions.first(where: { $0.key == use.key }) else {
            return HoverPart(markdown: "Footnote `[^\(use.label)]` has no definition in this note.", range: range)
        }
        if definition.isEmpty {
            return HoverPart(markdown: "Footnote `[^\(use.label)]` has an empty definition.", range: range)
        }
        return HoverPart(markdown: text(of: definition, in: query.source), range: range)
    }

    /// The definition's text with the indentation of its continuation lines taken off.
    static func text(of definition: FootnoteDefinition, in source: SourceText) -> String {
        let lines = source.string(definition.textRange).split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        return lines.map { line in
            var slice = Substring(line)
            var removed = 0
            while removed < 4, let first = slice.first, first == " " {
                slice.removeFirst()
                removed += 1
            }
            if removed == 0, slice.first == "\t" { slice.removeFirst() }
            return String(slice)
        }.joined(separator: "\n")
    }
}
