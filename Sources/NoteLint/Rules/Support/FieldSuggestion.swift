import NoteSyntax

/// Decides which known field a misspelt key was meant to be. `entry-unknown-field` offers the
/// rename and `entry-missing-field` then stays quiet about that field, so both ask here.
enum FieldSuggestion {
    /// The known field one edit away (a swap of two letters is one edit; two edits for keys of
    /// eight letters or more), unless the entry already has a field of that role. Two edits
    /// on a short key reach other words (`cover` and `Code`).
    static func field(for field: Field, in entry: Entry, vocabulary: FieldVocabulary) -> String? {
        guard field.role == nil, !vocabulary.isKnown(field.key), field.origin == .line || field.origin == .tableCell else { return nil }
        let folded = field.key.lowercased()
        let limit = folded.count >= 8 ? 2 : 1
        var best: (key: String, distance: Int)? = nil
        for candidate in vocabulary.suggestibleKeys {
            guard let role = vocabulary.role(of: candidate), !entry.has(role) else { continue }
            let target = candidate.lowercased()
            // A longer word built on a known one (`Reviewer`, `Datasets`) is a field of its own.
            if abs(target.count - folded.count) >= 2 && (folded.hasPrefix(target) || target.hasPrefix(folded)) { continue }
            // A plural or a singular (`Links`, `Topic`) is a word of its own, not a typo.
            if folded + "s" == target || target + "s" == folded { continue }
            let distance = editDistance(folded, target)
            if distance <= limit && (best == nil || distance < best!.distance) { best = (candidate, distance) }
        }
        return best?.key
    }
}
/// Whole-line ranges and the `---` separators around entries, for fixes that remove lines.
enum LineSpans {
    /// From the start of `first` to the start of the line after `last` (its terminator included).
    static func lines(_ first: Int, _ last: Int, in source: SourceText) -> ByteRange {
        ByteRange(source.lineIndex.lineStarts[first], source.lineIndex.fullRange(ofLine: last).end)
    }

    static func isThematicBreak(_ note: Note, line: Int) -> Bool {
        guard let block = note.innermostBlock(containingLine: line) else { return false }
        return block.kind == .thematicBreak && block.startLine == line
    }

    /// The first non-blank line after `line`, if any.
    static func nextNonBlank(after line: Int, in source: SourceText) -> Int? {
        var next = line + 1
        while next < source.lineIndex.lineCount {
            if !source.isBlankLine(next) { return next }
            next += 1
        }
        return nil
    }

    static func previousNonBlank(before line: Int, in source: SourceText) -> Int? {
        var previous = line - 1
        while previous >= 0 {
            if !source.isBlankLine(previous) { return previous }
            previous -= 1
        }
        return nil
    }
}
