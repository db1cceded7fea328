import ArxivKit
import NoteSyntax

/// The edits that fill an entry's Title, Date and Subjects from arXiv's metadata: arXiv's
/// title (whitespace normalized), the v1 date in the configured style, and the categories as
/// arXiv writes them, primary first. A field the user filled is left alone unless `overwrite`
/// is set and it disagrees with arXiv (`ArxivComparison`). A field the entry lacks gets a line
/// of its own (Title above the entry, Date and Subjects below it, with the file's line ending),
/// unless the entry sits in a list item, where a new line would change the structure.
public enum ArxivFill {
    public struct Change: Sendable, Equatable {
        public let field: String
        public let edit: TextEdit
    }

    /// With `linking`, the entry (found by its title) also gets a Link to the paper.
    public static func changes(
        _ facts: EntryFacts, _ metadata: ArxivMetadata, overwrite: Bool, style: NoteDate.Style,
        schema: EntrySchema, source: SourceText, linking: Bool = false
    ) -> [Change] {
        var changes: [Change] = []
        if linking, let link = facts.link {
            let value = "https://arxiv.org/abs/\(metadata.id)"
            let edit = link.isEmpty ? fillingEmpty(link, with: value) : TextEdit(range: link.valueRange, newText: value)
            changes.append(Change(field: link.key, edit: edit))
        }
        func set(_ field: Field?, _ value: String, agrees: (Field) -> Bool) {
            guard let field else { return }
            if field.isEmpty {
                // `Title:` or `Title: ` becomes `Title: value`; an empty cell or link target takes the value.
                changes.append(Change(field: field.key, edit: fillingEmpty(field, with: value)))
            } else if overwrite && !agrees(field) && field.value != value {
                changes.append(Change(field: field.key, edit: TextEdit(range: field.valueRange, newText: value)))
            }
        }
        set(facts.title, metadata.title) { ArxivComparison.titleAgrees($0.value, metadata) }
        set(facts.date, ArxivComparison.v1Date(metadata, style: style)) { _ in
            facts.validDate.map { ArxivComparison.dateAgrees($0, metadata) } ?? false
        }
        set(facts.subjects, metadata.subjectsLine) { _ in ArxivComparison.subjectsAgree(facts, metadata) }
        changes += missingLines(facts, metadata, style: style, schema: schema, source: source, linking: linking)
        return changes
    }

    /// The edit that writes `value` into an empty field: after the colon of a line, between
    /// the pipes of a cell, inside the parentheses of an empty link.
    private static func fillingEmpty(_ field: Field, with value: String) -> TextEdit {
        switch field.origin {
        case .line where field.rawValueRange.end == field.valueRange.end:
            return TextEdit(range: field.rawValueRange, newText: " " + value)
        case .tableCell:
            return TextEdit(range: field.rawValueRange, newText: " " + value + " ")
        default:
            return TextEdit(range: field.valueRange, newText: value)
        }
    }

    /// Lines for the Title, Date and Subjects an entry does not have at all, and for its Link
    /// when `linking` (just below the Title), each written like the entry's own field lines
    /// (`- **Key**: value` in a list of bold keys, `key:: value` for inline fields). A table row
    /// gets no new cells: that would take a column.
    private static func missingLines(
        _ facts: EntryFacts, _ metadata: ArxivMetadata, style: NoteDate.Style,
        schema: EntrySchema, source: SourceText, linking: Bool
    ) -> [Change] {
        let written = facts.entry.fields.filter { $0.origin == .line || $0.origin == .frontMatter }
        guard facts.entry.shape != .tableRow, let first = written.first, let last = written.last,
            let lastLine = LineTemplate(last, shape: facts.entry.shape, source: source),
            let firstLine = LineTemplate(first, shape: facts.entry.shape, source: source)
        else { return [] }
        let newline = lineEnding(of: last, or: first, in: source)
        var changes: [Change] = []
        var below: [(String, String)] = []
        if facts.title == nil, let name = schema.names(of: .text).first {
            if facts.entry.shape == .paragraph, firstLine.startsTheLine {
                let start = source.lineIndex.lineStarts[first.line]
                changes.append(Change(field: name, edit: .insert(firstLine.line(name, metadata.title) + newline, at: start)))
            } else {
                below.append((name, metadata.title))
            }
        }
        if linking, facts.link == nil, let name = schema.names(of: .url).first {
            let link = (name, "https://arxiv.org/abs/\(metadata.id)")
            if let title = facts.title, title.origin == .line, title.line != last.line,
                let titleLine = LineTemplate(title, shape: facts.entry.shape, source: source)
            {
                let end = source.lineIndex.fullRange(ofLine: title.line).end
                changes.append(Change(field: name, edit: .insert(titleLine.line(link.0, link.1) + newline, at: end)))
            } else {
                below.append(link)
            }
        }
        if facts.date == nil, let name = schema.names(of: .date).first {
            below.append((name, ArxivComparison.v1Date(metadata, style: style)))
        }
        if facts.subjects == nil, let name = schema.names(of: .arxivSubjects).first { below.append((name, metadata.subjectsLine)) }
        guard !below.isEmpty else { return changes }
        let end = source.lineIndex.fullRange(ofLine: last.line).end
        let endsWithNewline = end > 0 && source.bytes[end - 1] == 0x0A
        let lines = below.map { lastLine.line($0.0, $0.1) }
        let text = endsWithNewline ? lines.map { $0 + newline }.joined() : lines.map { newline + $0 }.joined()
        changes.append(Change(field: below.map(\.0).joined(separator: ", "), edit: .insert(text, at: end)))
        return changes
    }

    /// How an entry writes a field line: what comes before the key (indentation, `>`, a list
    /// marker, emphasis) and between the key and the value (`: `, `**: `, `:: `).
    struct LineTemplate {
        let prefix: String
        let separator: String
        let lowercasesKeys: Bool
        /// Whether the prefix holds only indentation and `>`: a line above fits there too.
        let startsTheLine: Bool

        init?(_ field: Field, shape: Entry.Shape, source: SourceText) {
            guard field.origin == .line || field.origin == .frontMatter else { return nil }
            let start = source.lineIndex.lineStarts[field.line]
            var prefix = String(decoding: source.bytes[start..<field.keyRange.start], as: UTF8.self)
            let onlyContainers = prefix.allSatisfy { $0 == " " || $0 == "\t" || $0 == ">" }
            switch shape {
            case .paragraph, .heading:
                guard onlyContainers || prefix.allSatisfy({ " \t>*_".contains($0) }) else { return nil }
            case .listItem:
                // A line that continues the item: the marker's width in spaces.
                prefix = String(prefix.map { "-*+0123456789.)".contains($0) ? " " : $0 })
            case .listItems, .frontMatter, .tableRow:
                break
            }
            self.prefix = prefix
            let between = field.origin == .frontMatter ? ":" : source.string(ByteRange(field.keyRange.end, field.colonOffset + 1))
            let after = field.origin == .frontMatter ? "" : source.string(ByteRange(field.colonOffset + 1, field.rawValueRange.start))
            separator = between + after + " "
            lowercasesKeys = field.key == field.key.lowercased()
            startsTheLine = onlyContainers
        }

        func line(_ key: String, _ value: String) -> String {
            prefix + (lowercasesKeys ? key.lowercased() : key) + separator + value
        }
    }

    /// The entry's own line ending: that of its last field's line, else its first's. Reading
    /// the whole file's style for every entry would make filling a large note quadratic.
    private static func lineEnding(of last: Field, or first: Field, in source: SourceText) -> String {
        for field in [last, first] {
            let end = source.lineIndex.fullRange(ofLine: field.line).end
            if end > 0 && source.bytes[end - 1] == 0x0A {
                return end > 1 && source.bytes[end - 2] == 0x0D ? "\r\n" : "\n"
            }
        }
        return LineEnding.detect(in: source.bytes).rawValue
    }

    /// Applies non-overlapping edits to `bytes`.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
            result.replaceSubrange(edit.range.start..<edit.range.end, with: Array(edit.newText.utf8))
        }
        return result
    }
}

extension EntryFacts {
    /// The identifier to fill this entry from: a Link naming an arXiv paper that can exist.
    public var fillableIdentifier: ArxivIdentifier? { validArxivIdentifier }

    /// Whether the entry has a Title and no Link: a candidate for a search by title.
    public var searchableTitle: String? {
        guard let title, !title.isEmpty, link?.isEmpty ?? true else { return nil }
        return title.value
    }
}
