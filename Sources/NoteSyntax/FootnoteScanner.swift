/// Finds footnote references and definitions in the source text. cmark cannot be asked: it
/// drops unused and duplicate definitions from its tree, leaves undefined references as plain
/// text, and hides labels from its public API. Code and HTML lines (known from cmark's blocks)
/// and code spans are skipped.
enum FootnoteScanner {
    static let maximumLabelLength = 999

    /// The footnotes of `lines` (all by default), which must start where no definition is
    /// open and no run of text lines goes on from the line above; a definition begun in them
    /// may run past them.
    static func scan(source: SourceText, lineKinds: [Note.LineKind], blocks: [Block], lines: Range<Int>? = nil) -> Footnotes {
        let lines = lines ?? 0..<source.lineIndex.lineCount
        // Every definition and every reference starts with `[^`: most notes have none at all.
        guard !lines.isEmpty,
            containsCaretBracket(
                source.bytes, in: ByteRange(source.lineIndex.lineStarts[lines.lowerBound], source.lineContent(lines.upperBound - 1).end))
        else { return Footnotes(references: [], definitions: []) }
        let definitions = findDefinitions(source: source, lineKinds: lineKinds, blocks: blocks, lines: lines)
        let markerStarts = Set(definitions.map(\.markerRange.start))
        var references: [FootnoteReference] = []
        var line = lines.lowerBound
        let lineCount = source.lineIndex.lineCount
        while line < lines.upperBound {
            guard lineKinds[line] == .markdown, !source.isBlankLine(line) else {
                line += 1
                continue
            }
            var last = line
            while last + 1 < lineCount && lineKinds[last + 1] == .markdown && !source.isBlankLine(last + 1) { last += 1 }
            let segment = ByteRange(source.lineIndex.lineStarts[line], source.lineContent(last).end)
            let found = findReferences(in: segment, source: source, definitionMarkers: markerStarts)
            if !found.isEmpty { references += found }
            line = last + 1
        }
        return Footnotes(references: references, definitions: definitions)
    }

    // MARK: Definitions

    private static func findDefinitions(source: SourceText, lineKinds: [Note.LineKind], blocks: [Block], lines: Range<Int>)
        -> [FootnoteDefinition]
    {
        let lineCount = source.lineIndex.lineCount
        var blockStarts = [Bool](repeating: false, count: lineCount)
        for block in blocks {
            switch block.kind {
            case .heading, .thematicBreak, .codeBlock, .htmlBlock, .list, .item, .blockQuote, .extensionBlock:
                blockStarts[block.startLine] = true
            default: break
            }
        }
        var definitions: [FootnoteDefinition] = []
        var line = lines.lowerBound
        while line < lines.upperBound {
            // A marker holds `[^`: the lines without one are passed by memchr, not read.
            guard let candidate = nextLineWithCaretBracket(source, from: line) else { break }
            line = candidate
            guard line < lines.upperBound else { break }
            guard lineKinds[line] == .markdown, let marker = matchMarker(source, line: line) else {
                line += 1
                continue
            }
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

    /// The first line from `line` on that holds `[^`, or nil.
    private static func nextLineWithCaretBracket(_ source: SourceText, from line: Int) -> Int? {
        let start = source.lineIndex.lineStarts[line]
        let hit: Int? = source.bytes.withUnsafeBufferPointer { bytes in
            var offset = start
            while let bracket = ByteSearch.first(UInt8(ascii: "["), in: bytes, from: offset, to: bytes.count) {
                if bracket + 1 < bytes.count && bytes[bracket + 1] == UInt8(ascii: "^") { return bracket }
                offset = bracket + 1
            }
            return nil
        }
        return hit.map { source.lineIndex.line(containing: $0) }
    }

    private struct Marker {
        let label: String
        let range: ByteRange
    }

    /// `[^label]:` after at most three spaces at the start of a line, or of a block quote or
    /// list item that the line opens (cmark reads definitions there too).
    private static func matchMarker(_ source: SourceText, line: Int) -> Marker? {
        let content = source.lineContent(line)
        let bytes = source.bytes
        let offset = afterContainerMarkers(bytes, from: content.start, to: content.end)
        guard offset + 1 < content.end, bytes[offset] == UInt8(ascii: "["), bytes[offset + 1] == UInt8(ascii: "^") else { return nil }
        guard let (label, close) = readLabel(bytes, from: offset + 2, to: content.end),
            close + 1 < content.end, bytes[close + 1] == UInt8(ascii: ":")
        else { return nil }
        return Marker(label: label, range: ByteRange(offset, close + 2))
    }

    /// Skips up to three spaces, then any `>` (and one blank after it), bullet (`-`, `*`, `+`)
    /// or ordered marker (`1.`, `1)`) followed by a blank, repeatedly.
    private static func afterContainerMarkers(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var offset = start
        while true {
            var probe = offset
            while probe < end && probe - offset < 3 && bytes[probe] == 0x20 { probe += 1 }
            guard probe < end else { return probe }
            var next = probe
            if bytes[probe] == UInt8(ascii: ">") {
                next = probe + 1
                if next < end && (bytes[next] == 0x20 || bytes[next] == 0x09) { next += 1 }
                offset = next
                continue
            }
            if bytes[probe] == UInt8(ascii: "-") || bytes[probe] == UInt8(ascii: "*") || bytes[probe] == UInt8(ascii: "+") {
                next = probe + 1
            } else {
                while next < end && next - probe < 9 && bytes[next] >= UInt8(ascii: "0") && bytes[next] <= UInt8(ascii: "9") { next += 1 }
                guard next > probe, next < end, bytes[next] == UInt8(ascii: ".") || bytes[next] == UInt8(ascii: ")") else { return probe }
                next += 1
            }
            guard next < end, bytes[next] == 0x20 || bytes[next] == 0x09 else { return probe }
            offset = next + 1
        }
    }

    private static func definition(marker: Marker, lines: ClosedRange<Int>, source: SourceText) -> FootnoteDefinition {
        let bytes = source.bytes
        var start = marker.range.end
        var end = source.lineContent(lines.upperBound).end
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        let text = start < end ? ByteRange(start, end) : ByteRange.empty(at: marker.range.end)
        return FootnoteDefinition(
            label: marker.label, key: Footnotes.key(for: marker.label), markerRange: marker.range,
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
        // Most blocks have no `[^` at all: found by memchr, that spares the byte-by-byte scan.
        guard Self.containsCaretBracket(bytes, in: segment) else { return [] }
        var references: [FootnoteReference] = []
        // Both remember what they have scanned, so that a line of unmatched backtick runs or
        // of `<a` does not make the scan quadratic.
        var backtickRuns = BacktickRuns()
        var tagEnds = NextTagEnd()
        var math = MathSpans()
        var offset = segment.start
        while offset < segment.end {
            offset = bytes.withUnsafeBufferPointer { Self.nextReferenceSyntax(in: $0, from: offset, to: segment.end) }
            guard offset < segment.end else { break }
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\\"):
                offset += 2
            case UInt8(ascii: "`"):
                offset = endOfCodeSpan(bytes, at: offset, in: segment, runs: &backtickRuns)
            case UInt8(ascii: "$"):
                offset = math.end(bytes, at: offset, in: segment)
            case UInt8(ascii: "<"):
                offset = endOfInlineHTML(bytes, at: offset, limit: segment.end, tagEnds: &tagEnds)
            case UInt8(ascii: "[") where offset + 1 < segment.end && bytes[offset + 1] == UInt8(ascii: "^"):
                if let (label, close) = readLabel(bytes, from: offset + 2, to: segment.end) {
                    if !definitionMarkers.contains(offset) && !Self.isCharacterClass(label) {
                        references.append(
                            FootnoteReference(
                                label: label, key: Footnotes.key(for: label),
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

    /// The first offset from `start` whose byte is one `findReferences` reads (`\\`, a backtick,
    /// `$`, `<`, `[`), or the start of the last word before `end` that may hold one: words of
    /// eight bytes without any are skipped whole (prose between footnotes, nearly all of it).
    private static func nextReferenceSyntax(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var offset = start
        while offset + 8 <= end {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            let read =
                ByteLanes.equal(word, UInt8(ascii: "[")) | ByteLanes.equal(word, UInt8(ascii: "`"))
                | ByteLanes.equal(word, UInt8(ascii: "\\")) | ByteLanes.equal(word, UInt8(ascii: "$"))
                | ByteLanes.equal(word, UInt8(ascii: "<"))
            if read != 0 { break }
            offset += 8
        }
        return offset
    }

    /// `[^a-z]`, `[^A-Za-z0-9]`, `[^\\s]`: a regular expression's negated class written in
    /// prose, not a footnote.
    static func isCharacterClass(_ label: String) -> Bool {
        let bytes = Array(label.utf8)
        var index = 0
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") && index + 1 < bytes.count {
                index += 2
            } else if index + 2 < bytes.count, isAlphanumeric(bytes[index]), bytes[index + 1] == UInt8(ascii: "-"),
                isAlphanumeric(bytes[index + 2])
            {
                index += 3
            } else {
                return false
            }
        }
        return !bytes.isEmpty
    }

    private static func containsCaretBracket(_ bytes: [UInt8], in segment: ByteRange) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = segment.start
            while let bracket = ByteSearch.first(UInt8(ascii: "["), in: buffer, from: offset, to: segment.end - 1) {
                if buffer[bracket + 1] == UInt8(ascii: "^") { return true }
                offset = bracket + 1
            }
            return false
        }
    }

    /// Reads a label up to `]`; nil when the label is empty, blank, too long, or crosses a line.
    private static func readLabel(_ bytes: [UInt8], from start: Int, to limit: Int) -> (String, Int)? {
        var offset = start
        while offset < limit && offset - start <= maximumLabelLength {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "]") {
                // Blank labels are no labels: checked on the bytes, before making a string.
                guard bytes[start..<offset].contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil }
                return (String(decoding: bytes[start..<offset], as: UTF8.self), offset)
            }
            if byte == UInt8(ascii: "[") || byte == 0x0A || byte == 0x0D { return nil }
            if byte == UInt8(ascii: "\\") { offset += 1 }
            offset += 1
        }
        return nil
    }

    /// A run of backticks opens a code span only when a run of the same length closes it;
    /// otherwise the backticks are literal.
    private static func endOfCodeSpan(_ bytes: [UInt8], at start: Int, in segment: ByteRange, runs: inout BacktickRuns) -> Int {
        var runEnd = start
        while runEnd < segment.end && bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
        let length = runEnd - start
        if let close = runs.first(ofLength: length, from: runEnd, in: bytes, segment: segment) { return close + length }
        return runEnd
    }

    /// The maximal runs of backticks of a segment, by length, indexed on first use.
    struct BacktickRuns {
        private var starts: [Int: [Int]]? = nil

        /// The start of the first run of exactly `length` backticks at or after `offset`.
        mutating func first(ofLength length: Int, from offset: Int, in bytes: [UInt8], segment: ByteRange) -> Int? {
            if starts == nil {
                var index: [Int: [Int]] = [:]
                var position = segment.start
                while position < segment.end {
                    guard bytes[position] == UInt8(ascii: "`") else {
                        position += 1
                        continue
                    }
                    var end = position
                    while end < segment.end && bytes[end] == UInt8(ascii: "`") { end += 1 }
                    index[end - position, default: []].append(position)
                    position = end
                }
                starts = index
            }
            guard let list = starts?[length] else { return nil }
            var low = 0
            var high = list.count
            while low < high {
                let mid = (low + high) / 2
                if list[mid] < offset { low = mid + 1 } else { high = mid }
            }
            return low < list.count ? list[low] : nil
        }
    }

    /// Skips a tag, comment or autolink (`<` then a letter, `/`, `!` or `?`, up to `>`).
    private static func endOfInlineHTML(_ bytes: [UInt8], at start: Int, limit: Int, tagEnds: inout NextTagEnd) -> Int {
        guard start + 1 < limit else { return start + 1 }
        let next = bytes[start + 1]
        let opensTag =
            (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")) || (next >= UInt8(ascii: "A") && next <= UInt8(ascii: "Z"))
            || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
        guard opensTag else { return start + 1 }
        let close = tagEnds.next(in: bytes, from: start + 1, limit: limit)
        return close < limit ? close + 1 : start + 1
    }

    /// The next `>` at or after an offset. Queries come in increasing order, so the answer to
    /// the last one stands until an offset passes it, and each byte is scanned at most once.
    struct NextTagEnd {
        private var found = -1

        mutating func next(in bytes: [UInt8], from offset: Int, limit: Int) -> Int {
            if found >= offset { return found }
            var position = offset
            while position < limit && bytes[position] != UInt8(ascii: ">") { position += 1 }
            found = position
            return position
        }
    }
}

/// `$...$` and `$$...$$` math (GitHub, Obsidian, MathJax and KaTeX sites), where `x[^2]` is
/// no footnote. Inline math stays on one line; its opening `$` has neither a blank nor a digit
/// after it (`$5 per hour` opens nothing), its closing `$` no blank before it and no digit after
/// it. Each kind of closer found is remembered, so a line of unmatched `$` is read once, not
/// once per `$`.
struct MathSpans {
    /// A search's start, where it stopped (the closer or the end of what it may read) and the
    /// closer, if any.
    private typealias Search = (from: Int, stop: Int, at: Int?)
    private var inlineSearch: Search? = nil
    private var displaySearch: Search? = nil

    /// Where the text after the math that opens at `start` resumes; past the `$` alone when
    /// nothing closes it.
    mutating func end(_ bytes: [UInt8], at start: Int, in segment: ByteRange) -> Int {
        if start + 1 < segment.end && bytes[start + 1] == UInt8(ascii: "$") {
            guard let close = closer(display: true, bytes, from: start + 2, in: segment) else { return start + 2 }
            return close + 2
        }
        guard start + 1 < segment.end, !Self.isBlank(bytes[start + 1]), !Self.isDigit(bytes[start + 1]),
            let close = closer(display: false, bytes, from: start + 1, in: segment)
        else { return start + 1 }
        return close + 1
    }

    private mutating func closer(display: Bool, _ bytes: [UInt8], from start: Int, in segment: ByteRange) -> Int? {
        if let search = display ? displaySearch : inlineSearch, search.from <= start {
            if let at = search.at, at >= start { return at }
            if search.at == nil && start < search.stop { return nil }
        }
        var index = start
        var found: Int? = nil
        while index < segment.end {
            let byte = bytes[index]
            if !display && (byte == 0x0A || byte == 0x0D) { break }
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "$") {
                let next = index + 1 < segment.end ? bytes[index + 1] : 0x20
                if display {
                    if next == UInt8(ascii: "$") {
                        found = index
                        break
                    }
                } else if index > start, !Self.isBlank(bytes[index - 1]), !Self.isDigit(next) {
                    found = index
                    break
                }
            }
            index += 1
        }
        let search: Search = (start, min(index, segment.end), found)
        if display { displaySearch = search } else { inlineSearch = search }
        return found
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
