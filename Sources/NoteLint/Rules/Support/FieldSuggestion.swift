import NoteSyntax

/// Decides which known field a misspelt key was meant to be. `entry-unknown-field` offers the
/// rename and `entry-missing-field` then stays quiet about that field, so both ask here.
enum FieldSuggestion {
    /// The known field one edit away (two for keys of five letters or more), unless the entry
    /// already has that field.
    static func field(for key: String, in entry: Entry, known: [String]) -> String? {
        guard !isKnown(key, known: known) else { return nil }
        let folded = key.lowercased()
        let limit = key.count >= 5 ? 2 : 1
        var best: (field: String, distance: Int)? = nil
        for field in known where entry.field(field) == nil {
            let distance = editDistance(folded, field.lowercased())
            if distance <= limit && (best == nil || distance < best!.distance) { best = (field, distance) }
        }
        return best?.field
    }

    static func isKnown(_ key: String, known: [String]) -> Bool {
        known.contains { Field.sameKey($0, key) }
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
