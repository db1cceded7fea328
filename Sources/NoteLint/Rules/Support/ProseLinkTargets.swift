import NoteSyntax

/// The targets of inline Markdown links (`[text](target)`) on a note's Markdown lines, outside
/// code spans: an awesome-list's `[[Paper](https://...)]` bullets, a reading log's table cells.
/// Only the target is returned, as written between the parentheses (a title after it dropped).
enum ProseLinkTargets {
    struct Target {
        let text: String
        let range: ByteRange
        /// `[text](a b.pdf)`: a blank inside the target, and no title after it, so Markdown
        /// shows the whole thing as plain text. The range then covers everything in parentheses.
        var isSplitByBlank = false
    }

    static func all(in note: Note, lines: Range<Int>? = nil) -> [Target] {
        let source = note.source
        let lines = lines ?? 0..<note.lineKinds.count
        var found: [Target] = []
        guard !lines.isEmpty else { return found }
        let end = source.lineContent(lines.upperBound - 1).end
        source.bytes.withUnsafeBufferPointer { bytes in
            // Only lines with a `]` can hold a link: the next is found by memchr over the text,
            // not line by line (most lines have none).
            var line = lines.lowerBound
            while line < lines.upperBound,
                let bracket = ByteSearch.first(UInt8(ascii: "]"), in: bytes, from: source.lineIndex.lineStarts[line], to: end)
            {
                line = source.lineIndex.line(containing: bracket, from: line)
                if note.lineKinds[line] == .markdown { targets(onLine: line, of: source, bytes: bytes, into: &found) }
                line += 1
            }
        }
        return found
    }

    /// `all`, reading every line: what `all` must find.
    static func allLineByLine(in note: Note, lines: Range<Int>? = nil) -> [Target] {
        var found: [Target] = []
        note.source.bytes.withUnsafeBufferPointer { bytes in
            for line in lines ?? 0..<note.lineKinds.count where note.lineKinds[line] == .markdown {
                targets(onLine: line, of: note.source, bytes: bytes, into: &found)
            }
        }
        return found
    }

    /// The targets on one Markdown line, appended to `found`.
    private static func targets(onLine line: Int, of source: SourceText, bytes: UnsafeBufferPointer<UInt8>, into found: inout [Target]) {
        let content = source.lineContent(line)
        let hasBackticks = ByteSearch.contains(UInt8(ascii: "`"), in: bytes, from: content.start, to: content.end)
        var offset = content.start
        // Backticks before `counted`, outside link targets: an odd count is a code span.
        var backticks = 0
        var counted = content.start
        while let close = ByteSearch.first(UInt8(ascii: "]"), in: bytes, from: offset, to: content.end - 1) {
            offset = close
            if hasBackticks {
                for index in counted..<close where bytes[index] == UInt8(ascii: "`") { backticks += 1 }
                counted = close
            }
            guard bytes[offset + 1] == UInt8(ascii: "("), backticks % 2 == 0 else {
                offset += 1
                continue
            }
            let start = offset + 2
            guard let end = closingParenthesis(bytes, from: start, lineEnd: content.end) else {
                offset += 2
                continue
            }
            var targetEnd = start
            // `(url "title")`: the target ends at the first blank.
            while targetEnd < end && bytes[targetEnd] != 0x20 && bytes[targetEnd] != 0x09 { targetEnd += 1 }
            var after = targetEnd
            while after < end && (bytes[after] == 0x20 || bytes[after] == 0x09) { after += 1 }
            let opensTitle =
                after == end || bytes[after] == UInt8(ascii: "\"") || bytes[after] == UInt8(ascii: "'")
                || bytes[after] == UInt8(ascii: "(")
            // Template tags (`{{ page.url }}`) and plugins' arguments (`@[html](a.html, image=b.png)`)
            // are no links.
            let isArgumentList = (start..<end).contains { index in
                let byte = bytes[index]
                return byte == UInt8(ascii: "{") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ",")
            }
            if !opensTitle && !isArgumentList && targetEnd > start && bytes[start] != UInt8(ascii: "<") {
                let range = ByteRange(start, end)
                found.append(Target(text: source.string(range), range: range, isSplitByBlank: true))
            } else {
                let range = ByteRange(start, targetEnd)
                found.append(Target(text: source.string(range), range: range))
            }
            offset = end + 1
            counted = offset
        }
    }

    /// The `)` that closes a target opened just before `start`, counting nested parentheses
    /// (`https://en.wikipedia.org/wiki/Attention_(machine_learning)`); nil when the line ends first.
    private static func closingParenthesis(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, lineEnd: Int) -> Int? {
        var depth = 0
        var index = start
        while index < lineEnd {
            switch bytes[index] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                if depth == 0 { return index }
                depth -= 1
            default: break
            }
            index += 1
        }
        return nil
    }
}
