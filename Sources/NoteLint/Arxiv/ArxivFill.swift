import ArxivKit
import NoteSyntax

/// The edits that fill an entry's Title, Date and Subjects from arXiv's metadata: arXiv's
/// title (whitespace normalized), the v1 date in the configured style, and the categories as
/// arXiv writes them, primary first. A field the user filled is left alone unless `overwrite`
/// is set and it disagrees with arXiv (`ArxivComparison`); a field the entry lacks is not added.
public enum ArxivFill {
    public struct Change: Sendable, Equatable {
        public let field: String
        public let edit: TextEdit
    }

    public static func changes(_ facts: EntryFacts, _ metadata: ArxivMetadata, overwrite: Bool, style: NoteDate.Style) -> [Change] {
        var changes: [Change] = []
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
        return changes
    }

    /// The edit that sets an entry's Link to a paper found by title.
    public static func linkChange(_ facts: EntryFacts, identifier: String) -> Change? {
        guard let link = facts.link else { return nil }
        let value = "https://arxiv.org/abs/\(identifier)"
        let edit = link.isEmpty ? TextEdit(range: link.rawValueRange, newText: " " + value) : TextEdit(range: link.valueRange, newText: value)
        return Change(field: link.key, edit: edit)
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
