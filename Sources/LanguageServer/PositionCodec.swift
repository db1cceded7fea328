import JSONRPC
import NoteSyntax

/// Converts between byte offsets and LSP positions in the negotiated encoding (`utf-8`
/// columns count bytes, `utf-16` columns count UTF-16 code units). Only the server's edge
/// uses it: everything inside works on byte offsets.
struct PositionCodec: Sendable {
    let unit: LineIndex.Unit

    var encodingName: String { unit == .utf8 ? "utf-8" : "utf-16" }

    func position(_ offset: Int, in source: SourceText) -> JSON {
        let position = source.lineIndex.position(of: offset, in: unit)
        return .object(["line": .int(position.line), "character": .int(position.column)])
    }

    func range(_ range: ByteRange, in source: SourceText) -> JSON {
        .object(["start": position(range.start, in: source), "end": position(range.end, in: source)])
    }

    /// The offset of an LSP position; positions past a line's end or the text's end clamp.
    func offset(_ position: JSON, in source: SourceText) -> Int? {
        guard let line = position["line"]?.int, let character = position["character"]?.int, line >= 0, character >= 0 else { return nil }
        if line >= source.lineIndex.lineCount { return source.count }
        return source.lineIndex.offset(of: LineIndex.Position(line: line, column: character), in: unit)
    }

    func byteRange(_ range: JSON, in source: SourceText) -> ByteRange? {
        guard let startJSON = range["start"], let endJSON = range["end"],
              let start = offset(startJSON, in: source), let end = offset(endJSON, in: source) else { return nil }
        return ByteRange(min(start, end), max(start, end))
    }
}
