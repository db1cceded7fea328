/// What a value says once the Markdown around it is set aside: emphasis (`**2021**`), a
/// wikilink (`[[2023-09-15]]`), a code span; and the tooltip text that arXiv's abstract page
/// glues onto its DOI link when it is copied (`ArxivFurniture.tooltip`). Byte by byte: every
/// field's value passes here.
enum ValueText {
    static func unwrapped(_ range: ByteRange, in source: SourceText) -> ByteRange {
        var range = withoutTooltip(range, in: source)
        for _ in 0..<2 {
            guard let inner = inside(range, in: source) else { break }
            range = inner
        }
        return range
    }

    private static let wrappers: [(open: [UInt8], close: [UInt8])] = [
        ("[[", "]]"), ("**", "**"), ("__", "__"), ("`", "`"), ("*", "*"), ("_", "_"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    private static func inside(_ range: ByteRange, in source: SourceText) -> ByteRange? {
        let bytes = source.bytes
        guard range.length > 2 else { return nil }
        switch bytes[range.start] {
        case UInt8(ascii: "["), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"): break
        default: return nil
        }
        for (open, close) in wrappers
        where range.length > open.count + close.count
            && bytes[range.start..<range.start + open.count].elementsEqual(open)
            && bytes[range.end - close.count..<range.end].elementsEqual(close)
        {
            let inner = ByteRange(range.start + open.count, range.end - close.count)
            // `*a* and *b*` is not one emphasis around the whole value.
            guard !contains(close, in: inner, bytes), !contains(open, in: inner, bytes),
                bytes[inner.start] != 0x20, bytes[inner.end - 1] != 0x20
            else { return nil }
            return inner
        }
        return nil
    }

    private static func contains(_ pattern: [UInt8], in range: ByteRange, _ bytes: [UInt8]) -> Bool {
        guard range.length >= pattern.count else { return false }
        for start in range.start...(range.end - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<start + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }

    private static let tooltip = Array(ArxivFurniture.tooltip.utf8)

    private static func withoutTooltip(_ range: ByteRange, in source: SourceText) -> ByteRange {
        let bytes = source.bytes
        guard range.length > tooltip.count, bytes[range.end - 1] == tooltip.last,
            bytes[range.end - tooltip.count..<range.end].elementsEqual(tooltip)
        else { return range }
        var end = range.end - tooltip.count
        while end > range.start && FieldLine.isBlank(bytes[end - 1]) { end -= 1 }
        return ByteRange(range.start, end)
    }
}
