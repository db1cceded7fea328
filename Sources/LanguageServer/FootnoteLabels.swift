import NoteSyntax

/// A footnote label as written at one place: in a reference `[^label]` or a definition's
/// marker `[^label]:`. `range` covers the label's text only, between `[^` and `]`.
struct FootnoteLabelUse: Sendable, Equatable {
    let key: String
    let label: String
    let range: ByteRange
    let isDefinition: Bool
}

/// Where each footnote label is used, for navigation, rename and highlights.
enum FootnoteLabels {
    static func uses(in note: Note) -> [FootnoteLabelUse] {
        var uses = note.footnotes.definitions.map { definition in
            FootnoteLabelUse(
                key: definition.key, label: definition.label,
                range: ByteRange(definition.markerRange.start + 2, definition.markerRange.end - 2), isDefinition: true)
        }
        uses += note.footnotes.references.map { reference in
            FootnoteLabelUse(
                key: reference.key, label: reference.label,
                range: ByteRange(reference.range.start + 2, reference.range.end - 1), isDefinition: false)
        }
        return uses.sorted { $0.range < $1.range }
    }

    /// The use whose `[^label]` (or `[^label]:`) holds `offset`, its ends included.
    static func use(at offset: Int, in note: Note) -> FootnoteLabelUse? {
        uses(in: note).first { $0.range.start - 2 <= offset && offset <= $0.range.end + ($0.isDefinition ? 2 : 1) }
    }

    static func uses(of key: String, in note: Note) -> [FootnoteLabelUse] {
        uses(in: note).filter { $0.key == key }
    }

    /// Why `label` cannot be a footnote label, or nil when it can.
    static func problem(with label: String) -> String? {
        if label.isEmpty { return "a footnote label cannot be empty" }
        if label.utf8.count > 999 { return "a footnote label is at most 999 bytes" }
        if label.hasPrefix("^") { return "a footnote label cannot start with `^`" }
        if label.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return "a footnote label cannot contain blanks, line breaks or control characters"
        }
        if let bad = label.first(where: { $0 == "[" || $0 == "]" || $0 == "\\" }) {
            return "a footnote label cannot contain `\(bad)`"
        }
        return nil
    }
}
