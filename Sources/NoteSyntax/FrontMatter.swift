/// YAML front matter: `---` on the first line, YAML, then `---` or `...` on a line of its own.
public struct FrontMatter: Sendable, Equatable {
    /// Lines from the opening delimiter to the closing one (or to the end of an unclosed block).
    public let lines: ClosedRange<Int>
    /// Lines between the delimiters.
    public let contentLines: Range<Int>
    public let isClosed: Bool
    /// The parsed top-level value, nil when empty or invalid.
    public let root: YAMLValue?
    public let problem: YAMLProblem?

    /// The top-level mapping's pairs, in source order.
    public var pairs: [YAMLPair] {
        if case .mapping(let pairs, _)? = root { return pairs }
        return []
    }

    public func value(forKey key: String) -> YAMLValue? { root?[key] }

    static func locate(in source: SourceText) -> (opening: Int, closing: Int?)? {
        guard source.lineIndex.lineCount > 1, isDelimiter(source, line: 0, allowDots: false) else { return nil }
        for line in 1..<source.lineIndex.lineCount where isDelimiter(source, line: line, allowDots: true) {
            return (0, line)
        }
        return (0, nil)
    }

    static func parse(_ source: SourceText) -> FrontMatter? {
        guard let (opening, closing) = locate(in: source) else { return nil }
        guard let closing else {
            // Unclosed: the front matter is taken to run to the first blank line, so its
            // `key: value` lines are not read as Markdown (and as entries) below it.
            var last = opening
            while last + 1 < source.lineIndex.lineCount && !source.isBlankLine(last + 1) { last += 1 }
            let problem = YAMLProblem(message: "front matter is not closed: add a line `---` after line \(last + 1)",
                                      offset: source.lineIndex.lineStarts[opening])
            return FrontMatter(lines: opening...last, contentLines: (opening + 1)..<(last + 1), isClosed: false, root: nil, problem: problem)
        }
        let contentLines = (opening + 1)..<closing
        let contentStart = source.lineIndex.lineStarts[opening + 1]
        let contentEnd = source.lineIndex.lineStarts[closing]
        let yaml = source.string(ByteRange(contentStart, contentEnd))
        let (root, problem) = YAMLReader.read(yaml, baseLine: opening + 1, in: source)
        return FrontMatter(lines: opening...closing, contentLines: contentLines, isClosed: true, root: root, problem: problem)
    }

    private static func isDelimiter(_ source: SourceText, line: Int, allowDots: Bool) -> Bool {
        let text = source.lineString(line)
        var trimmed = Substring(text)
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
