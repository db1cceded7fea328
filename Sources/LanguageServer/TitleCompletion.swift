import ArxivKit
import NoteLint
import NoteSyntax

/// Papers for the Title being typed, from the local arXiv index: in the Title value of an
/// entry that links no arXiv paper yet, once three letters are typed. Accepting one writes
/// arXiv's title and, in the same edit, the entry's Link, Date and Subjects (what "Find on
/// arXiv" would write).
enum TitleCompletion {
    /// Fewer typed letters than this match too much to rank.
    static let minimumTyped = 3
    static let limit = 10

    static func at(
        _ offset: Int, in note: Note, facts entries: [EntryFacts], linter: Linter, index: any ArxivTitleSearch
    ) -> NoteCompletion? {
        let line = note.lineIndex.line(containing: offset)
        // A record's first line, typed alone, is not a record yet: the Title line by itself.
        let facts = entries.first { $0.title?.line == line && $0.entry.lines.contains(line) }
        guard let title = facts?.title ?? note.field(onLine: line), title.origin == .line, offset > title.colonOffset,
            facts?.fillableIdentifier == nil
        else { return nil }
        let value = title.rawValueRange
        let typed = note.source.string(ByteRange(value.start, offset))
        guard typed.unicodeScalars.filter({ $0.properties.isAlphabetic || $0.properties.numericType != nil }).count >= minimumTyped
        else { return nil }
        let start = value.start + (typed.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count)
        let replace = ByteRange(start, max(offset, value.end))
        let candidates = index.papers(titled: typed, limit: limit, typing: true).enumerated().map { rank, paper in
            let additional =
                facts.map { facts in
                    ArxivFill.changes(
                        facts, paper, overwrite: false, style: linter.dateStyle, schema: linter.schema, source: note.source, linking: true
                    )
                    .filter { !Field.sameKey($0.field, title.key) && !$0.edit.range.overlaps(replace) }.map(\.edit)
                } ?? [linesBelow(title, paper, in: note, linter: linter)]
            return NoteCompletion.Candidate(
                label: paper.title, newText: paper.title, kind: 18,
                detail: "arXiv \(paper.id) · \(paper.submitted.year) · \(paper.primaryCategory)",
                documentation: documentation(paper), sortText: rank < 10 ? "0\(rank)" : "\(rank)",
                filterText: String(typed.drop { $0 == " " || $0 == "\t" }), additionalEdits: additional)
        }
        // The list follows the words typed, not only their start: the client asks again.
        return NoteCompletion(insert: ByteRange(start, offset), replace: replace, candidates: candidates, isIncomplete: true)
    }

    /// The Link, Date and Subjects lines written below a Title line that stands alone, in the
    /// schema's names, indented as the Title is.
    private static func linesBelow(_ title: Field, _ paper: ArxivMetadata, in note: Note, linter: Linter) -> TextEdit {
        let source = note.source
        let prefix = source.string(ByteRange(source.lineIndex.lineStarts[title.line], title.keyRange.start))
        let separator = source.string(ByteRange(title.keyRange.end, title.colonOffset + 1)) + " "
        let schema = linter.schema
        let lines = [
            (schema.names(of: .url).first, "https://arxiv.org/abs/\(paper.id)"),
            (schema.names(of: .date).first, ArxivComparison.v1Date(paper, style: linter.dateStyle)),
            (schema.names(of: .arxivSubjects).first, paper.subjectsLine),
        ].compactMap { name, value in name.map { prefix + $0 + separator + value } }
        let end = source.lineIndex.fullRange(ofLine: title.line).end
        let content = source.lineContent(title.line).end
        // After the Title's line break, so the edit does not touch the Title's own.
        guard end > content else { return TextEdit(range: ByteRange(end, end), newText: lines.map { "\n" + $0 }.joined()) }
        let newline = source.string(ByteRange(content, end))
        return TextEdit(range: ByteRange(end, end), newText: lines.map { $0 + newline }.joined())
    }

    private static func documentation(_ paper: ArxivMetadata) -> String {
        let authors =
            paper.authors.count > 5
            ? paper.authors.prefix(5).joined(separator: ", ") + " and others" : paper.authors.joined(separator: ", ")
        return [authors, paper.subjectsLine].filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}
