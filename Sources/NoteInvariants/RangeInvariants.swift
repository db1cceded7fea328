import NoteLint
import NoteSyntax

/// Every diagnostic (and related location, and fix edit) lies inside the text, starts no
/// later than it ends, and its ends fall on character boundaries (the parsed bytes are valid
/// UTF-8) and are positions in UTF-8, UTF-16 and Unicode scalars that map back to the same
/// offsets.
public enum RangeInvariants {
    public static func check(_ diagnostics: [Diagnostic], in source: SourceText) throws {
        for diagnostic in diagnostics {
            try check(diagnostic.range, in: source, what: "\(diagnostic.ruleID) finding")
            for related in diagnostic.related {
                try check(related.range, in: source, what: "\(diagnostic.ruleID) related location")
            }
            for edit in diagnostic.fix?.edits ?? [] {
                try check(edit.range, in: source, what: "\(diagnostic.ruleID) fix edit")
            }
        }
    }

    public static func check(_ range: ByteRange, in source: SourceText, what: String) throws {
        guard range.start >= 0, range.start <= range.end, range.end <= source.count else {
            throw Violation("range inside the document", "\(what) \(range) in a text of \(source.count) bytes")
        }
        for offset in [range.start, range.end] {
            if offset < source.count, source.bytes[offset] & 0xC0 == 0x80 {
                throw Violation("range on a character boundary", "\(what) \(range): offset \(offset) is inside a UTF-8 sequence")
            }
            let line = source.lineIndex.line(containing: offset)
            let content = source.lineIndex.contentRange(ofLine: line)
            // An offset inside a line terminator stands for the end of the line's content.
            let expected = min(offset, content.end)
            for unit in [LineIndex.Unit.utf8, .utf16, .unicodeScalar] {
                let position = source.lineIndex.position(of: offset, in: unit)
                let back = source.lineIndex.offset(of: position, in: unit)
                guard position.line == line, back == expected else {
                    throw Violation(
                        "range maps to positions",
                        "\(what) \(range): offset \(offset) -> \(unit) \(position) -> \(back), expected \(expected)")
                }
            }
        }
    }
}
