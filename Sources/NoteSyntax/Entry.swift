/// A `Key: value` line of an entry.
public struct Field: Sendable, Equatable {
    /// The key as written, without surrounding blanks.
    public let key: String
    public let keyRange: ByteRange
    /// Offset of the colon after the key.
    public let colonOffset: Int
    /// From just after the colon to the end of the line (blanks included).
    public let rawValueRange: ByteRange
    /// The value without surrounding blanks; empty (at the end of the raw value) when blank.
    public let valueRange: ByteRange
    public let value: String
    /// The whole line's content, from the key to the end of the value.
    public let range: ByteRange
    public let line: Int

    public var isEmpty: Bool { value.isEmpty }

    /// Keys compare ignoring case; ASCII keys (nearly all) without allocating.
    public static func sameKey(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs.utf8.makeIterator(), right = rhs.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case let (a?, b?):
                if a == b { continue }
                if a >= 0x80 || b >= 0x80 { return lhs.lowercased() == rhs.lowercased() }
                if (a | 0x20) != (b | 0x20) || !((a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A) { return false }
            default: return false
            }
        }
    }
}

/// A record: one paragraph (or a paragraph turned setext heading) whose every line is
/// `Key: value` and at least one of whose keys is a known field.
public struct Entry: Sendable, Equatable {
    public let fields: [Field]
    public let lines: ClosedRange<Int>
    /// From the first key to the end of the last value.
    public let range: ByteRange
    /// Index of the paragraph or heading block it was read from.
    public let blockIndex: Int
    /// The `---` line that turned the entry into a setext heading, if any.
    public let headingUnderlineLine: Int?

    /// The first field whose key equals `key`, compared case-insensitively.
    public func field(_ key: String) -> Field? {
        fields.first { Field.sameKey($0.key, key) }
    }

    public var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
}

enum EntryReader {
    static let maximumKeyLength = 32

    /// Reads the entries of a note from its paragraph and heading blocks.
    static func entries(blocks: [Block], lineStarts starts: [[Int]], source: SourceText, knownFields: Set<String>) -> [Entry] {
        var entries: [Entry] = []
        for (index, block) in blocks.enumerated() {
            let contentStarts = starts[index]
            guard !contentStarts.isEmpty else { continue }
            var lines = Array(block.lines)
            var underline: Int? = nil
            switch block.kind {
            case .paragraph:
                break
            case .heading(level: 2):
                // cmark's block lines already end at the underline (see CmarkBridge).
                guard lines.count >= 2, isSetextUnderline(source, line: block.endLine, from: contentStarts[lines.count - 1]) else { continue }
                underline = block.endLine
                lines.removeLast()
            default:
                continue
            }
            var fields: [Field] = []
            for (offsetInBlock, line) in lines.enumerated() {
                guard let field = parseField(line: line, contentStart: contentStarts[offsetInBlock], source: source) else {
                    fields.removeAll()
                    break
                }
                fields.append(field)
            }
            guard !fields.isEmpty, fields.contains(where: { field in knownFields.contains { Field.sameKey($0, field.key) } }) else { continue }
            entries.append(Entry(fields: fields, lines: lines.first!...lines.last!,
                                 range: ByteRange(fields.first!.range.start, fields.last!.range.end),
                                 blockIndex: index, headingUnderlineLine: underline))
        }
        return entries
    }

    /// Whether `line`, read from `start` (after any `>` of the block quotes the heading is
    /// in), is a run of `-`.
    static func isSetextUnderline(_ source: SourceText, line: Int, from start: Int) -> Bool {
        let end = source.lineContent(line).end
        let text = source.string(ByteRange(min(start, end), end)).trimmingBlanks()
        return !text.isEmpty && text.allSatisfy { $0 == "-" }
    }

    /// Parses `Key: value` from `contentStart` to the end of the line.
    static func parseField(line: Int, contentStart: Int, source: SourceText) -> Field? {
        let content = source.lineContent(line)
        let bytes = source.bytes
        var colon = contentStart
        while colon < content.end && bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon < content.end else { return nil }
        // `https://...` on a line of prose is a URL, not a field called `https`.
        if colon + 2 < content.end && bytes[colon + 1] == UInt8(ascii: "/") && bytes[colon + 2] == UInt8(ascii: "/") { return nil }
        var keyStart = contentStart
        var keyEnd = colon
        while keyStart < keyEnd && isBlank(bytes[keyStart]) { keyStart += 1 }
        while keyEnd > keyStart && isBlank(bytes[keyEnd - 1]) { keyEnd -= 1 }
        guard keyEnd > keyStart, keyEnd - keyStart <= 4 * maximumKeyLength, isKey(bytes[keyStart..<keyEnd]) else { return nil }
        let keyRange = ByteRange(keyStart, keyEnd)
        let key = source.string(keyRange)
        let raw = ByteRange(colon + 1, content.end)
        var valueStart = raw.start
        var valueEnd = raw.end
        while valueStart < valueEnd && isBlank(bytes[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart && isBlank(bytes[valueEnd - 1]) { valueEnd -= 1 }
        if valueStart == valueEnd { valueStart = raw.end; valueEnd = raw.end }
        let valueRange = ByteRange(valueStart, valueEnd)
        return Field(key: key, keyRange: keyRange, colonOffset: colon, rawValueRange: raw, valueRange: valueRange,
                     value: source.string(valueRange), range: ByteRange(keyRange.start, max(valueRange.end, colon + 1)),
                     line: line)
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Letters, digits, spaces, `-` and `_`, starting with a letter or digit, at most 32
    /// characters. ASCII keys, nearly all of them, are checked byte by byte.
    static func isKey(_ bytes: ArraySlice<UInt8>) -> Bool {
        func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
            ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return bytes.count <= maximumKeyLength && isASCIILetterOrDigit(bytes.first!)
                && bytes.allSatisfy { isASCIILetterOrDigit($0) || $0 == 0x20 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        }
        let key = String(decoding: bytes, as: UTF8.self)
        guard key.count <= maximumKeyLength, let first = key.unicodeScalars.first,
              first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == " " || $0 == "-" || $0 == "_" }
    }
}

extension String {
    func trimmingBlanks() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
