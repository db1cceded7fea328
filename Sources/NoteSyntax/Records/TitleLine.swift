/// A line that names a paper without a key: a heading, an emphasised line, a list item's
/// text. Its text is the title; when it is a Markdown link, the target is the link.
struct TitleLine {
    let fields: [Field]

    /// An ATX heading's text (or a setext heading's first line).
    static func heading(_ block: Block, source: SourceText) -> TitleLine? {
        let content = source.lineContent(block.startLine)
        let bytes = source.bytes
        var start = content.start + min(block.startColumn, content.length)
        var end = content.end
        while start < end && FieldLine.isBlank(bytes[start]) { start += 1 }
        if start < end && bytes[start] == UInt8(ascii: "#") {
            while start < end && bytes[start] == UInt8(ascii: "#") { start += 1 }
            // A closing sequence of `#` preceded by a blank is not text.
            var probe = end
            while probe > start && FieldLine.isBlank(bytes[probe - 1]) { probe -= 1 }
            var hashes = probe
            while hashes > start && bytes[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
            if hashes < probe && (hashes == start || FieldLine.isBlank(bytes[hashes - 1])) { end = hashes }
        }
        return make(ByteRange(start, end), line: block.startLine, source: source, plain: true)
    }

    /// The line from `start`, when it is all emphasis or a link, or (with `plain`) any text.
    static func read(line: Int, from start: Int, source: SourceText, plain: Bool = false) -> TitleLine? {
        make(ByteRange(start, source.lineContent(line).end), line: line, source: source, plain: plain)
    }

    private static func make(_ range: ByteRange, line: Int, source: SourceText, plain: Bool) -> TitleLine? {
        let bytes = source.bytes
        var start = range.start
        var end = range.end
        while start < end && FieldLine.isBlank(bytes[start]) { start += 1 }
        while end > start && FieldLine.isBlank(bytes[end - 1]) { end -= 1 }
        guard start < end, end - start <= 500 else { return nil }
        var emphasised = false
        for marker in ["**", "__"] {
            let count = marker.utf8.count
            if end - start > 2 * count && source.string(ByteRange(start, start + count)) == marker
                && source.string(ByteRange(end - count, end)) == marker
            {
                start += count
                end -= count
                emphasised = true
                break
            }
        }
        if let link = MarkdownLink.parse(ByteRange(start, end), in: source), let text = link.text,
            source.string(ByteRange(link.target.end, end)).allSatisfy({ $0 == ")" || $0 == " " || $0 == ">" || $0 == "\"" })
        {
            return TitleLine(fields: [
                field(.title, text, line: line, source: source), field(.link, link.target, line: line, source: source),
            ])
        }
        let text = source.string(ByteRange(start, end))
        guard emphasised || plain, !text.hasSuffix(":"), !text.contains(ascii: "**") else { return nil }
        return TitleLine(fields: [field(.title, ByteRange(start, end), line: line, source: source)])
    }

    private static func field(_ role: FieldRole, _ range: ByteRange, line: Int, source: SourceText) -> Field {
        Field(
            key: role.impliedKey, keyRange: .empty(at: range.start), colonOffset: range.start, rawValueRange: range,
            valueRange: range, value: source.string(range), range: range, line: line,
            origin: role == .title ? .heading : .linkTarget, role: role)
    }
}

/// Text that arXiv's abstract page carries around a paper's metadata, pasted with it.
public enum ArxivFurniture {
    /// The tooltip text of the DOI link on the abstract page.
    public static let tooltip = "Focus to learn more"

    /// Whether the text of `range` is `(or arXiv:2104.09864v5 [cs.CL] for this version)` or a
    /// line holding the tooltip.
    public static func isFurnitureLine(_ range: ByteRange, in source: SourceText) -> Bool {
        source.bytes.withUnsafeBufferPointer { isFurniture(UnsafeBufferPointer(rebasing: $0[range.start..<range.end])) }
    }

    private static let versionOpening = Array("(or arXiv:".utf8)
    private static let versionClosing = Array("for this version)".utf8)
    private static let tooltipBytes = Array(tooltip.utf8)

    private static func isFurniture(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        var end = line.count
        while start < end && (line[start] == 0x20 || line[start] == 0x09) { start += 1 }
        while end > start && (line[end - 1] == 0x20 || line[end - 1] == 0x09) { end -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: line[start..<end])
        if trimmed.starts(with: versionOpening) && trimmed.count >= versionClosing.count
            && trimmed[(trimmed.count - versionClosing.count)...].elementsEqual(versionClosing)
        {
            return true
        }
        return tooltipBytes.withUnsafeBufferPointer { ByteSearch.first($0, in: trimmed) != nil }
    }
}
