/// The front matter most notes have, read without Yams: a mapping of plain keys to one-line
/// values (plain, or quoted without escapes), flow lists of plain words (`[a, b]`) and block
/// lists (`- a` lines under `key:`), all ASCII. It gives exactly the `YAMLValue` Yams' nodes
/// convert to, ranges included (`SimpleYAMLTests` compares the two on many texts). Anything
/// else (comments, anchors, tags, escapes, empty values, folded lines, tabs, duplicate keys,
/// bytes outside ASCII) is left to Yams: `read` then returns nil. Composing with Yams cost
/// about 140,000 instructions for a four-line front matter.
enum SimpleYAML {
    /// Nodes read at most here; a larger document goes to Yams and its node budget.
    static let nodeLimit = 1_000

    /// The value of the YAML in `source.bytes[start..<end]` (whole lines), or nil.
    static func read(_ source: SourceText, from start: Int, to end: Int) -> YAMLValue? {
        source.bytes.withUnsafeBufferPointer { bytes in
            guard start < end, end <= bytes.count else { return nil }
            var reader = Reader(bytes: bytes, end: end)
            return reader.document(from: start)
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let end: Int
        var nodes = 0

        init(bytes: UnsafeBufferPointer<UInt8>, end: Int) {
            self.bytes = bytes
            self.end = end
        }

        /// A `key:` line whose value is the block list on the lines below it.
        struct OpenList {
            let key: YAMLValue
            var items: [YAMLValue] = []
            var start = 0
            var indent = 0
        }

        mutating func document(from start: Int) -> YAMLValue? {
            var pairs: [YAMLPair] = []
            var keys = KeySet()
            var open: OpenList? = nil
            var line = start
            while line < end {
                let lineEnd = ByteSearch.first(0x0A, in: bytes, from: line, to: end) ?? end
                guard lineEnd < end, isPlainASCII(from: line, to: lineEnd) else { return nil }
                defer { line = lineEnd + 1 }
                if isBlank(from: line, to: lineEnd) {
                    // Blank lines between pairs; between a key and its list they are left to Yams.
                    guard open == nil else { return nil }
                    continue
                }
                if bytes[line] == 0x20 || bytes[line] == UInt8(ascii: "-") {
                    guard var list = open, let item = listItem(from: line, to: lineEnd, list: &list) else { return nil }
                    list.items.append(item)
                    open = list
                    continue
                }
                if let list = open {
                    guard let pair = closed(list) else { return nil }
                    pairs.append(pair)
                    open = nil
                }
                guard let (key, valueStart) = key(from: line, to: lineEnd), keys.insert(key.scalarText ?? "") else {
                    return nil
                }
                let valueEnd = trimmedEnd(from: valueStart, to: lineEnd)
                if valueStart == valueEnd {
                    open = OpenList(key: key)
                } else {
                    guard let value = value(from: valueStart, to: valueEnd, allowingFlow: true) else { return nil }
                    pairs.append(YAMLPair(key: key, value: value))
                }
                guard nodes <= SimpleYAML.nodeLimit else { return nil }
            }
            if let list = open {
                guard let pair = closed(list) else { return nil }
                pairs.append(pair)
            }
            guard let first = pairs.first, let last = pairs.last else { return nil }
            let mappingStart = first.key.range.start
            return .mapping(pairs, ByteRange(mappingStart, max(mappingStart, last.value.range.end)))
        }

        /// The pair of a `key:` line and its block list; nil when no item followed (an empty value).
        func closed(_ list: OpenList) -> YAMLPair? {
            guard let last = list.items.last else { return nil }
            return YAMLPair(key: list.key, value: .sequence(list.items, ByteRange(list.start, max(list.start, last.range.end))))
        }

        /// `  - value`, every item of a list at the indentation of its first.
        mutating func listItem(from line: Int, to lineEnd: Int, list: inout OpenList) -> YAMLValue? {
            var dash = line
            while dash < lineEnd && bytes[dash] == 0x20 { dash += 1 }
            guard dash + 1 < lineEnd, bytes[dash] == UInt8(ascii: "-"), bytes[dash + 1] == 0x20 else { return nil }
            if list.items.isEmpty {
                list.indent = dash - line
                list.start = dash
            } else if dash - line != list.indent {
                return nil
            }
            var valueStart = dash + 1
            while valueStart < lineEnd && bytes[valueStart] == 0x20 { valueStart += 1 }
            let valueEnd = trimmedEnd(from: valueStart, to: lineEnd)
            guard valueStart < valueEnd else { return nil }
            return value(from: valueStart, to: valueEnd, allowingFlow: false)
        }

        /// A plain key of letters, digits, `_`, `-` and `.` at the line's start, its colon and
        /// the blanks after it; returns the key and where its value starts.
        mutating func key(from line: Int, to lineEnd: Int) -> (YAMLValue, Int)? {
            guard isLetterOrDigit(bytes[line]) || bytes[line] == UInt8(ascii: "_") else { return nil }
            var colon = line + 1
            while colon < lineEnd && (isLetterOrDigit(bytes[colon]) || isKeyPunctuation(bytes[colon])) { colon += 1 }
            // YAML's simple keys are at most 1,024 characters.
            guard colon < lineEnd, bytes[colon] == UInt8(ascii: ":"), colon - line < 1_000 else { return nil }
            var valueStart = colon + 1
            guard valueStart == lineEnd || bytes[valueStart] == 0x20 else { return nil }
            while valueStart < lineEnd && bytes[valueStart] == 0x20 { valueStart += 1 }
            return (scalar(from: line, to: colon, range: ByteRange(line, colon)), valueStart)
        }

        /// A one-line value in `start..<end` (no blank at either end).
        mutating func value(from start: Int, to end: Int, allowingFlow: Bool) -> YAMLValue? {
            switch bytes[start] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // Closed by the line's last byte, with no quote or escape inside.
                let quote = bytes[start]
                guard end - start >= 2, bytes[end - 1] == quote else { return nil }
                for index in (start + 1)..<(end - 1) where bytes[index] == quote || bytes[index] == UInt8(ascii: "\\") { return nil }
                return scalar(from: start + 1, to: end - 1, range: ByteRange(start, end))
            case UInt8(ascii: "["):
                return allowingFlow ? flowList(from: start, to: end) : nil
            default:
                guard !isIndicator(bytes[start]) else { return nil }
                for index in start..<end {
                    switch bytes[index] {
                    // `a: b` is a mapping; a comment ends the value.
                    case UInt8(ascii: ":"): if index + 1 == end || bytes[index + 1] == 0x20 { return nil }
                    case UInt8(ascii: "#"): if bytes[index - 1] == 0x20 { return nil }
                    default: break
                    }
                }
                return scalar(from: start, to: end, range: ByteRange(start, end))
            }
        }

        /// `[a, b c, d]`: words of letters, digits, blanks and `_ . - / + ( )`. The list's range
        /// runs from its `[` to the end of its last item, as the conversion of Yams' nodes makes it.
        mutating func flowList(from start: Int, to end: Int) -> YAMLValue? {
            guard bytes[end - 1] == UInt8(ascii: "]") else { return nil }
            let close = end - 1
            var items: [YAMLValue] = []
            var index = start + 1
            while index < close && bytes[index] == 0x20 { index += 1 }
            while index < close {
                let itemStart = index
                guard isLetterOrDigit(bytes[itemStart]) || bytes[itemStart] == UInt8(ascii: "_") else { return nil }
                while index < close && bytes[index] != UInt8(ascii: ",") {
                    guard isFlowWordByte(bytes[index]) else { return nil }
                    index += 1
                }
                let itemEnd = trimmedEnd(from: itemStart, to: index)
                items.append(scalar(from: itemStart, to: itemEnd, range: ByteRange(itemStart, itemEnd)))
                guard index < close else { break }
                // After a comma, another item: a trailing comma is left to Yams.
                index += 1
                while index < close && bytes[index] == 0x20 { index += 1 }
                guard index < close else { return nil }
            }
            nodes += 1
            return .sequence(items, ByteRange(start, max(start, items.last?.range.end ?? start)))
        }

        mutating func scalar(from start: Int, to end: Int, range: ByteRange) -> YAMLValue {
            nodes += 1
            return .scalar(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), range)
        }

        /// ASCII without control characters other than the line break: no tab, no CR.
        func isPlainASCII(from start: Int, to end: Int) -> Bool {
            for index in start..<end where bytes[index] < 0x20 || bytes[index] >= 0x7F { return false }
            return true
        }

        func isBlank(from start: Int, to end: Int) -> Bool {
            for index in start..<end where bytes[index] != 0x20 { return false }
            return true
        }

        func trimmedEnd(from start: Int, to end: Int) -> Int {
            var end = end
            while end > start && bytes[end - 1] == 0x20 { end -= 1 }
            return end
        }

        func isLetterOrDigit(_ byte: UInt8) -> Bool { ASCIIByte.isLetter(byte) || ASCIIByte.isDigit(byte) }

        func isKeyPunctuation(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }

        func isFlowWordByte(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x20, UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "+"), UInt8(ascii: "("),
                UInt8(ascii: ")"):
                return true
            default: return isLetterOrDigit(byte)
            }
        }

        /// A byte that gives a value's first character a meaning of its own in YAML.
        func isIndicator(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
                UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                UInt8(ascii: "`"):
                return true
            default: return false
            }
        }
    }
}
