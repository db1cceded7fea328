/// Finds footnote references and definitions in the source text. cmark cannot be asked: it
/// drops unused and duplicate definitions from its tree, leaves undefined references as plain
/// text, and hides labels from its public API. Code and HTML lines (known from cmark's blocks)
/// and code spans are skipped.
enum FootnoteScanner {
    static let maximumLabelLength = 999

    static func scan(source: SourceText, lineKinds: [Note.LineKind], blocks: [Block]) -> Footnotes {
        let definitions = findDefinitions(source: source, lineKinds: lineKinds, blocks: blocks)
        let markerStarts = Set(definitions.map(\.markerRange.start))
        var references: [FootnoteReference] = []
        var line = 0
        let lineCount = source.lineIndex.lineCount
        while line < lineCount {
            guard lineKinds[line] == .markdown, !source.isBlankLine(line) else { line += 1; continue }
            var last = line
            while last + 1 < lineCount && lineKinds[last + 1] == .markdown && !source.isBlankLine(last + 1) { last += 1 }
            let segment = ByteRange(source.lineIndex.lineStarts[line], source.lineContent(last).end)
            references += findReferences(in: segment, source: source, definitionMarkers: markerStarts)
            line = last + 1
        }
        return Footnotes(references: references, definitions: definitions)
    }

    // MARK: Definitions

    private static func findDefinitions(source: SourceText, lineKinds: [Note.LineKind], blocks: [Block]) -> [FootnoteDefinition] {
        let lineCount = source.lineIndex.lineCount
        var blockStarts = [Bool](repeating: false, count: lineCount)
        for block in blocks {
            switch block.kind {
            case .heading, .thematicBreak, .codeBlock, .htmlBlock, .list, .blockQuote, .extensionBlock:
                blockStarts[block.startLine] = true
            default: break
            }
        }
        var definitions: [FootnoteDefinition] = []
        var line = 0
        while line < lineCount {
            guard lineKinds[line] == .markdown, let marker = matchMarker(source, line: line) else { line += 1; continue }
            var last = line
            var next = line + 1
            while next < lineCount && lineKinds[next] == .markdown {
                if source.isBlankLine(next) {
                    var probe = next
                    while probe < lineCount && source.isBlankLine(probe) { probe += 1 }
                    guard probe < lineCount, lineKinds[probe] == .markdown, isIndented(source, line: probe) else { break }
                    last = probe
                    next = probe + 1
                } else if matchMarker(source, line: next) != nil || (blockStarts[next] && !isIndented(source, line: next)) {
                    break
                } else {
                    last = next
                    next += 1
                }
            }
            definitions.append(definition(marker: marker, lines: line...last, source: source))
            line = last + 1
        }
        return definitions
    }

    private struct Marker {
        let label: String
        let range: ByteRange
    }

    /// `[^label]:` after at most three spaces at the start of a line.
    private static func matchMarker(_ source: SourceText, line: Int) -> Marker? {
        let content = source.lineContent(line)
        let bytes = source.bytes
        var offset = content.start
        while offset < content.end && offset - content.start < 3 && bytes[offset] == 0x20 { offset += 1 }
        guard offset + 1 < content.end, bytes[offset] == UInt8(ascii: "["), bytes[offset + 1] == UInt8(ascii: "^") else { return nil }
        guard let (label, close) = readLabel(bytes, from: offset + 2, to: content.end),
              close + 1 < content.end, bytes[close + 1] == UInt8(ascii: ":") else { return nil }
        return Marker(label: label, range: ByteRange(offset, close + 2))
    }

    private static func definition(marker: Marker, lines: ClosedRange<Int>, source: SourceText) -> FootnoteDefinition {
        let bytes = source.bytes
        var start = marker.range.end
        var end = source.lineContent(lines.upperBound).end
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        let text = start < end ? ByteRange(start, end) : ByteRange.empty(at: marker.range.end)
        return FootnoteDefinition(label: marker.label, key: Footnotes.key(for: marker.label), markerRange: marker.range,
                                  textRange: text, lines: lines)
    }

    private static func isIndented(_ source: SourceText, line: Int) -> Bool {
        let content = source.lineContent(line)
        let bytes = source.bytes
        if content.start < content.end && bytes[content.start] == 0x09 { return true }
        return content.length >= 4 && bytes[content.start..<(content.start + 4)].allSatisfy { $0 == 0x20 }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    // MARK: References

    private static func findReferences(in segment: ByteRange, source: SourceText, definitionMarkers: Set<Int>) -> [FootnoteReference] {
        let bytes = source.bytes
        var references: [FootnoteReference] = []
        var offset = segment.start
        while offset < segment.end {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\\"):
                offset += 2
            case UInt8(ascii: "`"):
                offset = endOfCodeSpan(bytes, at: offset, limit: segment.end)
            case UInt8(ascii: "<"):
                offset = endOfInlineHTML(bytes, at: offset, limit: segment.end)
            case UInt8(ascii: "[") where offset + 1 < segment.end && bytes[offset + 1] == UInt8(ascii: "^"):
                if let (label, close) = readLabel(bytes, from: offset + 2, to: segment.end) {
                    if !definitionMarkers.contains(offset) {
                        references.append(FootnoteReference(label: label, key: Footnotes.key(for: label),
                                                            range: ByteRange(offset, close + 1)))
                    }
                    offset = close + 1
                } else {
                    offset += 2
                }
            default:
                offset += 1
            }
        }
        return references
    }

    /// Reads a label up to `]`; nil when the label is empty, blank, too long, or crosses a line.
    private static func readLabel(_ bytes: [UInt8], from start: Int, to limit: Int) -> (String, Int)? {
        var offset = start
        while offset < limit && offset - start <= maximumLabelLength {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "]") {
                let label = String(decoding: bytes[start..<offset], as: UTF8.self)
                guard !label.allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
                return (label, offset)
            }
            if byte == UInt8(ascii: "[") || byte == 0x0A || byte == 0x0D { return nil }
            if byte == UInt8(ascii: "\\") { offset += 1 }
            offset += 1
        }
        return nil
    }

    /// A run of backticks opens a code span only when a run of the same length closes it;
    /// otherwise the backticks are literal.
    private static func endOfCodeSpan(_ bytes: [UInt8], at start: Int, limit: Int) -> Int {
        var runEnd = start
        while runEnd < limit && bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
        let length = runEnd - start
        var offset = runEnd
        while offset < limit {
            if bytes[offset] == UInt8(ascii: "`") {
                var closeEnd = offset
                while closeEnd < limit && bytes[closeEnd] == UInt8(ascii: "`") { closeEnd += 1 }
                if closeEnd - offset == length { return closeEnd }
                offset = closeEnd
            } else {
                offset += 1
            }
        }
        return runEnd
    }

    /// Skips a tag, comment or autolink (`<` then a letter, `/`, `!` or `?`, up to `>`).
    private static func endOfInlineHTML(_ bytes: [UInt8], at start: Int, limit: Int) -> Int {
        guard start + 1 < limit else { return start + 1 }
        let next = bytes[start + 1]
        let opensTag = (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")) || (next >= UInt8(ascii: "A") && next <= UInt8(ascii: "Z"))
            || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
        guard opensTag else { return start + 1 }
        var offset = start + 1
        while offset < limit && bytes[offset] != UInt8(ascii: ">") { offset += 1 }
        return offset < limit ? offset + 1 : start + 1
    }
}
