/// What a value says once the Markdown around it is set aside: emphasis (`**2021**`), a
/// wikilink (`[[2023-09-15]]`), a code span; and the tooltip text that arXiv's abstract page
/// glues onto its DOI link when it is copied (`ArxivFurniture.tooltip`).
enum ValueText {
    static func unwrapped(_ range: ByteRange, in source: SourceText) -> ByteRange {
        var range = withoutTooltip(range, in: source)
        for _ in 0..<2 {
            guard let inner = inside(range, in: source) else { break }
            range = inner
        }
        return range
    }

    private static let wrappers: [(open: String, close: String)] = [
        ("[[", "]]"), ("**", "**"), ("__", "__"), ("`", "`"), ("*", "*"), ("_", "_"),
    ]

    private static func inside(_ range: ByteRange, in source: SourceText) -> ByteRange? {
        let text = source.string(range)
        for (open, close) in wrappers where text.count > open.count + close.count && text.hasPrefix(open) && text.hasSuffix(close) {
            let inner = text.dropFirst(open.count).dropLast(close.count)
            // `*a* and *b*` is not one emphasis around the whole value.
            guard !inner.contains(close), !inner.contains(open), inner.first != " ", inner.last != " " else { return nil }
            return ByteRange(range.start + open.utf8.count, range.end - close.utf8.count)
        }
        return nil
    }

    private static func withoutTooltip(_ range: ByteRange, in source: SourceText) -> ByteRange {
        let text = source.string(range)
        guard text.hasSuffix(ArxivFurniture.tooltip), text.count > ArxivFurniture.tooltip.count else { return range }
        var end = range.end - ArxivFurniture.tooltip.utf8.count
        while end > range.start && FieldLine.isBlank(source.bytes[end - 1]) { end -= 1 }
        return ByteRange(range.start, end)
    }
}
