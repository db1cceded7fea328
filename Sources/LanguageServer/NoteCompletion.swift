import ArxivKit
import NoteLint
import NoteSyntax

/// What to offer at the cursor: footnote labels after `[^`, arXiv categories in a Subjects
/// value, field keys at the start of a line of an entry. Each candidate replaces a range
/// that holds the cursor: `insert` ends at the cursor, `replace` also covers the rest of
/// the word being completed, never more.
struct NoteCompletion {
    struct Candidate: Equatable {
        let label: String
        let newText: String
        /// LSP CompletionItemKind.
        let kind: Int
        let detail: String?
        let documentation: String?
        let sortText: String
        let filterText: String?
        /// Written with the candidate, elsewhere in the note (a title's Link, Date and Subjects).
        var additionalEdits: [TextEdit] = []
    }

    let insert: ByteRange
    let replace: ByteRange
    let candidates: [Candidate]
    /// The list depends on more than the typed prefix: the client asks again as the user types.
    let isIncomplete: Bool

    /// `titles`, the local arXiv index when there is one, completes Title values; `facts`
    /// gives the note's entries (asked only for a Title line).
    static func at(
        _ offset: Int, in note: Note, linter: Linter, titles: (any ArxivTitleSearch)? = nil, facts: () -> [EntryFacts] = { [] }
    ) -> NoteCompletion? {
        let line = note.lineIndex.line(containing: offset)
        guard note.lineKinds[line] == .markdown else { return nil }
        if let titles, let field = note.field(onLine: line), field.role == .title,
            let completion = TitleCompletion.at(offset, in: note, facts: facts(), linter: linter, index: titles)
        {
            return completion
        }
        return footnoteLabels(at: offset, line: line, note: note)
            ?? categories(at: offset, line: line, note: note, schema: linter.schema)
            ?? fieldKeys(at: offset, line: line, note: note, linter: linter)
    }

    // MARK: Footnote labels

    static func footnoteLabels(at offset: Int, line: Int, note: Note) -> NoteCompletion? {
        let bytes = note.source.bytes
        let content = note.source.lineContent(line)
        func isLabelByte(_ byte: UInt8) -> Bool {
            !(byte == UInt8(ascii: "]") || byte == UInt8(ascii: "[") || byte == 0x20 || byte == 0x09)
        }
        var start = offset
        while start > content.start && isLabelByte(bytes[start - 1]) && bytes[start - 1] != UInt8(ascii: "^") { start -= 1 }
        guard start - 2 >= content.start, bytes[start - 1] == UInt8(ascii: "^"), bytes[start - 2] == UInt8(ascii: "[") else { return nil }
        var end = offset
        while end < content.end && isLabelByte(bytes[end]) { end += 1 }
        let closed = end < content.end && bytes[end] == UInt8(ascii: "]")
        // A note with thousands of footnotes gets the labels that hold what is typed, at most
        // `footnoteLimit` of them, and the editor asks again as the user types.
        let typed = String(decoding: bytes[start..<offset], as: UTF8.self).lowercased()
        let definitions = note.footnotes.definitions
        let references = note.footnotes.references
        let limited = definitions.count + references.count > footnoteLimit
        func offered(_ label: String) -> Bool { !limited || typed.isEmpty || label.lowercased().contains(typed) }
        var candidates: [Candidate] = []
        var seen: Set<String> = []
        for definition in definitions where seen.insert(definition.key).inserted && offered(definition.label) {
            guard candidates.count < footnoteLimit else { break }
            let text = definition.isEmpty ? nil : FootnoteHover.text(of: definition, in: note.source)
            candidates.append(
                Candidate(
                    label: definition.label, newText: definition.label + (closed ? "" : "]"), kind: 18,
                    detail: "footnote", documentation: text, sortText: "0-\(candidates.count)", filterText: nil))
        }
        for reference in references where seen.insert(reference.key).inserted && offered(reference.label) {
            guard candidates.count < footnoteLimit else { break }
            candidates.append(
                Candidate(
                    label: reference.label, newText: reference.label + (closed ? "" : "]"), kind: 18,
                    detail: "footnote without a definition", documentation: nil,
                    sortText: "1-\(candidates.count)", filterText: nil))
        }
        return NoteCompletion(
            insert: ByteRange(start, offset), replace: ByteRange(start, end), candidates: candidates, isIncomplete: limited)
    }

    /// The most footnote labels one completion list offers.
    static let footnoteLimit = 200

    // MARK: arXiv categories

    /// Inside a Subjects value: the item being typed runs from the last `;`, `,` or `)`
    /// before the cursor; categories whose code starts with it or whose name holds it.
    static func categories(at offset: Int, line: Int, note: Note, schema: EntrySchema) -> NoteCompletion? {
        guard let field = note.field(onLine: line), schema.kind(of: field.key) == .arxivSubjects, offset > field.colonOffset else {
            return nil
        }
        let bytes = note.source.bytes
        let value = field.rawValueRange
        func isSeparator(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ")") }
        var start = offset
        while start > value.start && !isSeparator(bytes[start - 1]) { start -= 1 }
        while start < offset && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        var end = offset
        while end < value.end && bytes[end] != UInt8(ascii: ";") && bytes[end] != UInt8(ascii: ",") { end += 1 }
        while end > offset && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        let fragment = note.source.string(ByteRange(start, offset)).lowercased()
        var byCode: [Candidate] = []
        var byName: [Candidate] = []
        for category in ArxivTaxonomy.categories where category.isActive {
            let label = "\(category.name) (\(category.id))"
            if fragment.isEmpty || category.id.lowercased().hasPrefix(fragment) {
                byCode.append(
                    Candidate(
                        label: label, newText: label, kind: 20, detail: category.id, documentation: nil,
                        sortText: "0-" + category.id, filterText: "\(category.id) \(category.name)"))
            } else if category.name.lowercased().contains(fragment) {
                byName.append(
                    Candidate(
                        label: label, newText: label, kind: 20, detail: category.id, documentation: nil,
                        sortText: "1-" + category.name, filterText: category.name.lowercased().hasPrefix(fragment) ? category.name : label))
            }
        }
        return NoteCompletion(
            insert: ByteRange(start, offset), replace: ByteRange(start, end), candidates: byCode + byName, isIncomplete: true)
    }

    // MARK: Field keys

    /// At the start of a line of an entry (or of the blank line just below one), before any
    /// colon: the keys the entry still lacks first, then the other known keys.
    static func fieldKeys(at offset: Int, line: Int, note: Note, linter: Linter) -> NoteCompletion? {
        let bytes = note.source.bytes
        let content = note.source.lineContent(line)
        guard !bytes[content.start..<content.end].contains(UInt8(ascii: ":")) else { return nil }
        func isKeyByte(_ byte: UInt8) -> Bool {
            (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_") || byte >= 0x80
        }
        guard bytes[content.start..<offset].allSatisfy(isKeyByte) else { return nil }
        var end = offset
        while end < content.end && isKeyByte(bytes[end]) { end += 1 }

        // The entry around the line: every other line of its paragraph is a field.
        var neighbours: [Int] = []
        var above = line - 1
        while above >= 0 && note.lineKinds[above] == .markdown && !note.source.isBlankLine(above) {
            neighbours.append(above)
            above -= 1
        }
        if !note.source.isBlankLine(line) {
            var below = line + 1
            while below < note.lineIndex.lineCount && note.lineKinds[below] == .markdown && !note.source.isBlankLine(below) {
                neighbours.append(below)
                below += 1
            }
        }
        let fields = neighbours.compactMap { note.field(onLine: $0) }
        guard !fields.isEmpty, fields.count == neighbours.count,
            fields.contains(where: { field in linter.knownFields.contains { Field.sameKey($0, field.key) } })
        else { return nil }

        let required = Set(linter.schema.required.map { $0.lowercased() })
        let lacking = linter.knownFields.filter { key in !fields.contains { Field.sameKey($0.key, key) } }
        let present = linter.knownFields.filter { key in fields.contains { Field.sameKey($0.key, key) } }
        let candidates = (lacking + present).enumerated().map { index, key in
            Candidate(
                label: key, newText: key + ": ", kind: 5, detail: required.contains(key.lowercased()) ? "required field" : "field",
                documentation: nil, sortText: "\(index < lacking.count ? 0 : 1)-\(index)", filterText: nil)
        }
        return NoteCompletion(
            insert: ByteRange(content.start, offset), replace: ByteRange(content.start, end),
            candidates: candidates, isIncomplete: false)
    }
}
