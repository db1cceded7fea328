import NoteSyntax

/// The line a finding starts on, as the text report shows it: at most `limit` Unicode scalars
/// of it around the finding's start (a cut end shows "…"), tabs as four spaces and control
/// characters escaped (`VisibleText`), with the display columns the carets go under. The
/// printed line and column numbers come from the source, never from this rendering.
struct SourceExcerpt {
    static let limit = 200
    /// Scalars kept before the finding's start when the line is cut.
    static let lead = 60

    let line: Int
    let text: String
    /// Display columns before the first caret, and carets.
    let caretOffset: Int
    let caretWidth: Int

    init(_ range: ByteRange, in source: SourceText, limit: Int = SourceExcerpt.limit) {
        line = source.lineIndex.line(containing: range.start)
        let content = source.lineContent(line)
        let start = min(max(range.start, content.start), content.end)
        let end = max(min(range.end, content.end), start)
        let bytes = source.bytes
        var shownEnd = start
        var after = 0
        while shownEnd < content.end && after < limit - Self.lead {
            shownEnd = Self.scalarEnd(bytes, from: shownEnd)
            after += 1
        }
        var shownStart = start
        var before = 0
        while shownStart > content.start && before < limit - after {
            shownStart = Self.scalarStart(bytes, before: shownStart)
            before += 1
        }
        var text = shownStart > content.start ? "…" : ""
        var offset = text.isEmpty ? 0 : 1
        var width = 0
        var position = shownStart
        for scalar in source.string(ByteRange(shownStart, shownEnd)).unicodeScalars {
            let shown = scalar == "\t" ? "    " : VisibleText.needsEscape(scalar) ? VisibleText.escape(scalar) : String(scalar)
            let columns = scalar == "\t" || VisibleText.needsEscape(scalar) ? shown.count : DisplayWidth.of(scalar)
            text += shown
            if position < start { offset += columns } else if position < end { width += columns }
            position += scalar.utf8.count
        }
        if shownEnd < content.end { text += "…" }
        self.text = text
        caretOffset = offset
        caretWidth = max(width, 1)
    }

    /// The offset just past the scalar that starts at `offset` (the text is valid UTF-8).
    private static func scalarEnd(_ bytes: [UInt8], from offset: Int) -> Int {
        var next = offset + 1
        while next < bytes.count && bytes[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    /// The offset of the scalar that ends at `offset`.
    private static func scalarStart(_ bytes: [UInt8], before offset: Int) -> Int {
        var previous = offset - 1
        while previous > 0 && bytes[previous] & 0xC0 == 0x80 { previous -= 1 }
        return previous
    }
}
