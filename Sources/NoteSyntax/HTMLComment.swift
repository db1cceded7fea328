/// An HTML comment inside an HTML block, `<!-- text -->`.
public struct HTMLComment: Sendable, Equatable {
    /// The text between `<!--` and `-->`, without surrounding blanks.
    public let text: String
    public let range: ByteRange
    /// The line of `<!--`.
    public let line: Int
    /// The line of `-->`.
    public let endLine: Int

    static func standalone(in blocks: [Block], source: SourceText) -> [HTMLComment] {
        var comments: [HTMLComment] = []
        for block in blocks where block.kind == .htmlBlock {
            let start = source.lineIndex.lineStarts[block.startLine]
            let end = source.lineContent(block.endLine).end
            comments += scan(source, from: start, to: end)
        }
        return comments
    }

    private static let open = Array("<!--".utf8)
    private static let close = Array("-->".utf8)

    private static func scan(_ source: SourceText, from start: Int, to end: Int) -> [HTMLComment] {
        var result: [HTMLComment] = []
        var offset = start
        let bytes = source.bytes
        while let openAt = find(open, in: bytes, from: offset, to: end) {
            guard let closeAt = find(close, in: bytes, from: openAt + open.count, to: end) else { break }
            let text = source.string(ByteRange(openAt + open.count, closeAt))
                .trimmingCharacters(in: " \t\r\n")
            let range = ByteRange(openAt, closeAt + close.count)
            result.append(
                HTMLComment(
                    text: text, range: range,
                    line: source.lineIndex.line(containing: openAt),
                    endLine: source.lineIndex.line(containing: closeAt)))
            offset = range.end
        }
        return result
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        guard end - start >= needle.count else { return nil }
        var index = start
        while index <= end - needle.count {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
