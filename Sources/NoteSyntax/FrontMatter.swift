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
            // A lone `---` above a heading or prose is a thematic break (a digest opening each
            // day with a rule); it is front matter left open only when YAML follows it.
            guard opening + 1 < source.lineIndex.lineCount, startsWithYAMLKey(source, line: opening + 1) else { return nil }
            // Unclosed: the front matter is taken to run to the first blank line, so its
            // `key: value` lines are not read as Markdown (and as entries) below it.
            var last = opening
            while last + 1 < source.lineIndex.lineCount && !source.isBlankLine(last + 1) { last += 1 }
            let problem = YAMLProblem(
                message: "front matter is not closed: add a line `---` after line \(last + 1)",
                offset: source.lineIndex.lineStarts[opening])
            return FrontMatter(
                lines: opening...last, contentLines: (opening + 1)..<(last + 1), isClosed: false, root: nil, problem: problem)
        }
        let contentLines = (opening + 1)..<closing
        let contentStart = source.lineIndex.lineStarts[opening + 1]
        let contentEnd = source.lineIndex.lineStarts[closing]
        let (root, problem) =
            SimpleYAML.read(source, from: contentStart, to: contentEnd).map { ($0, nil) }
            ?? YAMLReader.read(source.string(ByteRange(contentStart, contentEnd)), baseLine: opening + 1, in: source)
        if problem != nil, let properties = PropertyLines.read(source, lines: contentLines) {
            return FrontMatter(lines: opening...closing, contentLines: contentLines, isClosed: true, root: properties, problem: nil)
        }
        return FrontMatter(lines: opening...closing, contentLines: contentLines, isClosed: true, root: root, problem: problem)
    }

    /// `key:` or `key: value` (the key unindented, without blanks, before a colon and a blank or
    /// the end of the line), the way every front matter starts.
    private static func startsWithYAMLKey(_ source: SourceText, line: Int) -> Bool {
        let content = source.lineContent(line)
        let bytes = source.bytes[content.start..<content.end]
        guard let first = bytes.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "-"), first != 0x20, first != 0x09,
            let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > content.start
        else { return false }
        let afterColon = colon + 1
        guard afterColon == content.end || bytes[afterColon] == 0x20 || bytes[afterColon] == 0x09 else { return false }
        return !bytes[content.start..<colon].contains(where: { $0 == 0x20 || $0 == 0x09 })
            || bytes[content.start] == UInt8(ascii: "\"") || bytes[content.start] == UInt8(ascii: "'")
    }

    private static func isDelimiter(_ source: SourceText, line: Int, allowDots: Bool) -> Bool {
        // Read as bytes: every note's first lines are asked, and a String of each cost a thousand
        // instructions.
        let content = source.lineContent(line)
        let bytes = source.bytes
        var end = content.end
        while end > content.start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        guard end - content.start == 3 else { return false }
        let mark = bytes[content.start]
        guard mark == UInt8(ascii: "-") || (allowDots && mark == UInt8(ascii: ".")) else { return false }
        return bytes[content.start + 1] == mark && bytes[content.start + 2] == mark
    }
}
