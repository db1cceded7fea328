import NoteLint
import NoteSyntax

/// Converts between byte offsets and LSP positions in the negotiated encoding (`utf-8`
/// columns count bytes, `utf-16` columns count UTF-16 code units). Only the server's edge
/// uses it: everything inside works on byte offsets.
struct PositionCodec: Sendable {
    let unit: LineIndex.Unit

    var encodingName: String { unit == .utf8 ? "utf-8" : "utf-16" }

    func position(_ offset: Int, in source: SourceText) -> LSP.Position {
        let position = source.lineIndex.position(of: offset, in: unit)
        return LSP.Position(line: position.line, character: position.column)
    }

    func range(_ range: ByteRange, in source: SourceText) -> LSP.Range {
        LSP.Range(start: position(range.start, in: source), end: position(range.end, in: source))
    }

    func edit(_ edit: TextEdit, in source: SourceText) -> LSP.TextEdit {
        LSP.TextEdit(range: range(edit.range, in: source), newText: edit.newText)
    }

    /// The offset of an LSP position; positions past a line's end or the text's end clamp.
    func offset(_ position: LSP.Position, in source: SourceText) -> Int {
        if position.line >= source.lineIndex.lineCount { return source.count }
        return source.lineIndex.offset(of: LineIndex.Position(line: position.line, column: position.character), in: unit)
    }

    /// The bytes a range covers; a range whose end comes before its start covers the same.
    func byteRange(_ range: LSP.Range, in source: SourceText) -> ByteRange {
        let start = offset(range.start, in: source)
        let end = offset(range.end, in: source)
        return ByteRange(min(start, end), max(start, end))
    }
}
