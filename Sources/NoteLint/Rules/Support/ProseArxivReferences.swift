import ArxivKit
import NoteSyntax

/// The arXiv identifiers a note names outside its records' link fields: in the targets of
/// Markdown links and in bare URLs (`arxiv.org/abs/ID`, `arxiv.org/pdf/ID`) and in `arXiv:ID`
/// citations, on Markdown lines (not code, HTML or front matter) and outside code spans. Only
/// what is written like an identifier (digits, a dot, digits; or `archive/digits`) is
/// returned, and not a template's stand-in (`YYMM.NNNNN`, `0000.00000`): that is no typo.
enum ProseArxivReferences {
    struct Reference {
        let raw: String
        let range: ByteRange
    }

    /// The references of `lines` (all by default), but for those that end inside one of
    /// `skipped` (sorted by start) that starts before them: read no further, since the caller
    /// checks those itself.
    static func all(in note: Note, lines: Range<Int>? = nil, skipping skipped: [ByteRange] = []) -> [Reference] {
        let source = note.source
        let lines = lines ?? 0..<note.lineKinds.count
        var found: [Reference] = []
        guard !lines.isEmpty else { return found }
        var skipping = Skipping(ranges: skipped)
        // Lines whose every reference would be skipped (a record's Link) are not read: a skipped
        // range reaching from before the line's first `x` to its end holds them all.
        var skippedLines = Skipping(ranges: skipped)
        let end = source.lineContent(lines.upperBound - 1).end
        source.bytes.withUnsafeBufferPointer { bytes in
            // Only lines with an `x` can hold a reference: the next is found by memchr over the
            // text, not line by line.
            var letterX = XFinder(lineEnd: end)
            var line = lines.lowerBound
            while line < lines.upperBound, let x = letterX.next(in: bytes, from: source.lineIndex.lineStarts[line]) {
                line = source.lineIndex.line(containing: x, from: line)
                if note.lineKinds[line] == .markdown, !skippedLines.skips(ByteRange(x - 2, source.lineContent(line).end)) {
                    references(onLine: line, of: source, bytes: bytes, skipping: &skipping, into: &found)
                }
                line += 1
            }
        }
        return found
    }

    /// `all`, reading every line: what `all` must find.
    static func allLineByLine(in note: Note, lines: Range<Int>? = nil, skipping skipped: [ByteRange] = []) -> [Reference] {
        var found: [Reference] = []
        var skipping = Skipping(ranges: skipped)
        note.source.bytes.withUnsafeBufferPointer { bytes in
            for line in lines ?? 0..<note.lineKinds.count where note.lineKinds[line] == .markdown {
                references(onLine: line, of: note.source, bytes: bytes, skipping: &skipping, into: &found)
            }
        }
        return found
    }

    /// The ranges not to read into, passed in text order.
    private struct Skipping {
        let ranges: [ByteRange]
        var next = 0
        var until = -1

        init(ranges: [ByteRange]) { self.ranges = ranges }

        /// Whether a reference in `range` ends inside a skipped range that starts before it.
        mutating func skips(_ range: ByteRange) -> Bool {
            while next < ranges.count && ranges[next].start <= range.start {
                until = max(until, ranges[next].end)
                next += 1
            }
            return range.end <= until
        }
    }

    /// The references on one Markdown line, appended to `found`.
    private static func references(
        onLine line: Int, of source: SourceText, bytes: UnsafeBufferPointer<UInt8>, skipping: inout Skipping, into found: inout [Reference]
    ) {
        let content = source.lineContent(line)
        // Every reference has `arxiv` in it: look for its `x`, the rarest letter.
        var offset = content.start + 2
        var letterX = XFinder(lineEnd: content.end - 2)
        while let candidate = letterX.next(in: bytes, from: offset) {
            offset = candidate
            guard let start = identifierStart(bytes, at: offset - 2, end: content.end),
                !isInCodeSpan(bytes, offset, lineStart: content.start)
            else {
                offset += 1
                continue
            }
            var end = start
            while end < content.end, !isDelimiter(bytes[end]) { end += 1 }
            let range = trimmed(bytes, ByteRange(start, end))
            if !skipping.skips(range), range.end > range.start, looksLikeAnIdentifier(bytes[range.start..<range.end]) {
                let raw = source.string(range)
                if !ArxivIdentifier.isTemplate(raw) { found.append(Reference(raw: raw, range: range)) }
            }
            offset = max(end, offset + 1)
        }
    }

    /// The next `x` or `X` before `lineEnd`, each case found by memchr and remembered until
    /// passed, so a line is read once per case however many candidates it has.
    private struct XFinder {
        let lineEnd: Int
        private var lower = -1
        private var upper = -1

        init(lineEnd: Int) { self.lineEnd = lineEnd }

        mutating func next(in bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
            if lower != Int.max && lower < offset {
                lower = ByteSearch.first(UInt8(ascii: "x"), in: bytes, from: offset, to: lineEnd) ?? Int.max
            }
            if upper != Int.max && upper < offset {
                upper = ByteSearch.first(UInt8(ascii: "X"), in: bytes, from: offset, to: lineEnd) ?? Int.max
            }
            let next = min(lower, upper)
            return next == Int.max ? nil : next
        }
    }

    private static let prefixes: [[UInt8]] = ["arxiv.org/abs/", "arxiv.org/pdf/", "arxiv:"].map { Array($0.utf8) }

    /// Where the identifier starts, when `arxiv.org/abs/`, `arxiv.org/pdf/` or `arXiv:` starts at
    /// `offset` (any case).
    private static func identifierStart(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> Int? {
        for prefix in prefixes where offset + prefix.count <= end {
            var index = 0
            while index < prefix.count && lowered(bytes[offset + index]) == prefix[index] { index += 1 }
            if index == prefix.count { return offset + prefix.count }
        }
        return nil
    }

    /// Whether an odd number of backticks precedes `offset` on its line.
    private static func isInCodeSpan(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, lineStart: Int) -> Bool {
        var backticks = 0
        for index in lineStart..<offset where bytes[index] == UInt8(ascii: "`") { backticks += 1 }
        return backticks % 2 == 1
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "\""),
            UInt8(ascii: "'"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: "`"),
            UInt8(ascii: "?"), UInt8(ascii: "#"):
            return true
        default:
            return false
        }
    }

    /// Without a `.pdf` suffix, a trailing slash or a sentence's full stop.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: ByteRange) -> ByteRange {
        var end = range.end
        if end - range.start > 4, bytes[(end - 4)..<end].elementsEqual(".pdf".utf8) { end -= 4 }
        while end > range.start, bytes[end - 1] == UInt8(ascii: "/") || bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        return ByteRange(range.start, end)
    }

    /// `2104.09864`, `2104.09864v2`, `hep-th/9901001`, `math.GT/0309136`: the shapes of an
    /// identifier, valid or not.
    private static func looksLikeAnIdentifier(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        var body = text
        if let v = body.lastIndex(of: UInt8(ascii: "v")), v > body.startIndex, body[(v + 1)...].allSatisfy(isDigit), v + 1 < body.endIndex {
            body = body[..<v]
        }
        if let slash = body.firstIndex(of: UInt8(ascii: "/")) {
            let archive = body[..<slash]
            let number = body[(slash + 1)...]
            return !archive.isEmpty
                && archive.allSatisfy {
                    $0 >= 0x61 && $0 <= 0x7A || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 >= 0x41 && $0 <= 0x5A
                }
                && !number.isEmpty && number.allSatisfy(isDigit)
        }
        guard let dot = body.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let before = body[..<dot]
        let after = body[(dot + 1)...]
        return !before.isEmpty && before.allSatisfy(isDigit) && !after.isEmpty && after.allSatisfy(isDigit)
    }
}
