/// Front matter written as Logseq writes page properties: one `key: value` line per property,
/// with unquoted wikilinks (`authors: [[Ada Lovelace]], [[Alan Turing]]`). Such a block is not
/// YAML (a flow sequence followed by more text), but the tool that wrote it reads it, so it is
/// read here the same way: each line's value as one string.
enum PropertyLines {
    /// The properties as a mapping of scalars, or nil unless every non-blank line is a
    /// `key: value` line and some value starts with a wikilink (the sign of a property list).
    static func read(_ source: SourceText, lines: Range<Int>) -> YAMLValue? {
        var pairs: [YAMLPair] = []
        var sawWikilink = false
        for line in lines where !source.isBlankLine(line) {
            let content = source.lineContent(line)
            let bytes = source.bytes[content.start..<content.end]
            guard let first = bytes.first, isKeyStart(first),
                let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
                bytes[content.start..<colon].allSatisfy(isKeyByte)
            else { return nil }
            var valueStart = colon + 1
            if valueStart < content.end && bytes[valueStart] == UInt8(ascii: ":") { valueStart += 1 }  // `key:: value`
            guard valueStart == content.end || bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 else { return nil }
            while valueStart < content.end && (bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09) { valueStart += 1 }
            var valueEnd = content.end
            while valueEnd > valueStart && (bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09) { valueEnd -= 1 }
            if valueEnd - valueStart >= 2 && bytes[valueStart] == UInt8(ascii: "[") && bytes[valueStart + 1] == UInt8(ascii: "[") {
                sawWikilink = true
            }
            let keyRange = ByteRange(content.start, colon)
            let valueRange = ByteRange(valueStart, valueEnd)
            pairs.append(
                YAMLPair(
                    key: .scalar(source.string(keyRange), keyRange),
                    value: .scalar(source.string(valueRange), valueRange)))
        }
        guard sawWikilink, let firstLine = lines.first else { return nil }
        let start = source.lineIndex.lineStarts[firstLine]
        let end = lines.upperBound < source.lineIndex.lineCount ? source.lineIndex.lineStarts[lines.upperBound] : source.count
        return .mapping(pairs, ByteRange(start, end))
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == 0x20
    }
}
