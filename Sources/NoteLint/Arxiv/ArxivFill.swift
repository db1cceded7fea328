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
    public static func changes(_ facts: EntryFacts, _ metadata: ArxivMetadata, overwrite: Bool, style: NoteDate.Style,
                               schema: EntrySchema, source: SourceText, linking: Bool = false) -> [Change] {
        var changes: [Change] = []
        if linking, let link = facts.link {
            let value = "https://arxiv.org/abs/\(metadata.id)"
            let edit = link.isEmpty ? TextEdit(range: link.rawValueRange, newText: " " + value) : TextEdit(range: link.valueRange, newText: value)
            changes.append(Change(field: link.key, edit: edit))
        }
        func set(_ field: Field?, _ value: String, agrees: (Field) -> Bool) {
            guard let field else { return }
            if field.isEmpty {
                // `Title:` or `Title: ` becomes `Title: value`.
                changes.append(Change(field: field.key, edit: TextEdit(range: field.rawValueRange, newText: " " + value)))
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

    /// Lines for the Title, Date and Subjects an entry does not have at all, and for its Link
    /// when `linking` (just below the Title).
    private static func missingLines(_ facts: EntryFacts, _ metadata: ArxivMetadata, style: NoteDate.Style,
                                     schema: EntrySchema, source: SourceText, linking: Bool) -> [Change] {
        guard let first = facts.entry.fields.first, let last = facts.entry.fields.last,
              let firstPrefix = quotePrefix(first, source), let lastPrefix = quotePrefix(last, source) else { return [] }
        let newline = lineEnding(of: last, or: first, in: source)
        var changes: [Change] = []
        if facts.title == nil, let name = schema.names(of: .text).first {
            let start = source.lineIndex.lineStarts[first.line]
            changes.append(Change(field: name, edit: .insert(firstPrefix + "\(name): \(metadata.title)" + newline, at: start)))
        }
        var below: [(String, String)] = []
        if linking, facts.link == nil, let name = schema.names(of: .url).first {
            let link = (name, "https://arxiv.org/abs/\(metadata.id)")
            if let title = facts.title, title.line != last.line, let titlePrefix = quotePrefix(title, source) {
                let end = source.lineIndex.fullRange(ofLine: title.line).end
                changes.append(Change(field: name, edit: .insert(titlePrefix + "\(link.0): \(link.1)" + newline, at: end)))
            } else {
                below.append(link)
            }
        }
        if facts.date == nil, let name = schema.names(of: .date).first { below.append((name, ArxivComparison.v1Date(metadata, style: style))) }
        if facts.subjects == nil, let name = schema.names(of: .arxivSubjects).first { below.append((name, metadata.subjectsLine)) }
        guard !below.isEmpty else { return changes }
        let end = source.lineIndex.fullRange(ofLine: last.line).end
        let endsWithNewline = end > 0 && source.bytes[end - 1] == 0x0A
        let lines = below.map { lastPrefix + "\($0.0): \($0.1)" }
        let text = endsWithNewline ? lines.map { $0 + newline }.joined() : lines.map { newline + $0 }.joined()
        changes.append(Change(field: below.map(\.0).joined(separator: ", "), edit: .insert(text, at: end)))
        return changes
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

    /// What precedes a field's key on its line, when it is only indentation and `>` markers.
    private static func quotePrefix(_ field: Field, _ source: SourceText) -> String? {
        let start = source.lineIndex.lineStarts[field.line]
        let prefix = source.bytes[start..<field.keyRange.start]
        guard prefix.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }) else { return nil }
        return String(decoding: prefix, as: UTF8.self)
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
