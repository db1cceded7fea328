/// Reads one line as a field: `Key: value`, `Key:: value` (Dataview, Logseq), with emphasis
/// around the key (`**Key**:`, `**Key:**`, `_Key_:`). A value written as a Markdown link or an
/// autolink is read through: a location's value is the link's target, and a title written as
/// `[text](target)` is two fields, the title (its text) and the link (its target).
enum FieldLine {
    static let maximumKeyLength = 32

    /// The field of the line from `contentStart`, and the link a title written as a Markdown
    /// link carries; nil when the line is not a field.
    static func parse(
        line: Int, contentStart: Int, source: SourceText, vocabulary: FieldVocabulary,
        roles: RoleCache? = nil
    ) -> (field: Field, link: Field?)? {
        guard let field = parseKeyAndValue(line: line, contentStart: contentStart, source: source, vocabulary: vocabulary, roles: roles)
        else {
            return nil
        }
        return readingLink(field, source: source)
    }

    static func parseKeyAndValue(
        line: Int, contentStart: Int, source: SourceText, vocabulary: FieldVocabulary,
        roles: RoleCache? = nil
    ) -> Field? {
        let content = source.lineContent(line)
        let bytes = source.bytes
        var start = contentStart
        while start < content.end && isBlank(bytes[start]) { start += 1 }
        // Emphasis around the key: `**`, `__`, `*` or `_`.
        var marker = 0
        while marker < 2 && start + marker < content.end
            && (bytes[start + marker] == UInt8(ascii: "*") || bytes[start + marker] == UInt8(ascii: "_"))
            && bytes[start + marker] == bytes[start]
        { marker += 1 }
        let keyStart = start + marker
        // By memchr: most lines a paragraph's records are read from are prose, read to their end.
        guard let colon = bytes.withUnsafeBufferPointer({ ByteSearch.first(UInt8(ascii: ":"), in: $0, from: keyStart, to: content.end) })
        else { return nil }
        // `https://...` on a line of prose is a URL, not a field called `https`.
        if colon + 2 < content.end && bytes[colon + 1] == UInt8(ascii: "/") && bytes[colon + 2] == UInt8(ascii: "/") { return nil }
        var keyEnd = colon
        var valueStart = colon + 1
        var separatorEnd = colon
        if valueStart < content.end && bytes[valueStart] == UInt8(ascii: ":") {
            separatorEnd = valueStart
            valueStart += 1
        }
        if marker > 0 {
            // The closing emphasis comes before the colon (`**Key**:`) or after it (`**Key:**`).
            if keyEnd - keyStart >= marker && closes(bytes, at: keyEnd - marker, like: start, count: marker) {
                keyEnd -= marker
            } else if valueStart + marker <= content.end && closes(bytes, at: valueStart, like: start, count: marker) {
                valueStart += marker
            } else {
                return nil
            }
        }
        while keyEnd > keyStart && isBlank(bytes[keyEnd - 1]) { keyEnd -= 1 }
        guard keyEnd > keyStart, keyEnd - keyStart <= 4 * maximumKeyLength, isKey(bytes[keyStart..<keyEnd]) else { return nil }
        let keyRange = ByteRange(keyStart, keyEnd)
        let (key, role) =
            roles?.key(at: keyRange, in: source, vocabulary: vocabulary) ?? Self.key(at: keyRange, in: source, vocabulary: vocabulary)
        let raw = ByteRange(valueStart, content.end)
        var valueFrom = raw.start
        var valueTo = raw.end
        while valueFrom < valueTo && isBlank(bytes[valueFrom]) { valueFrom += 1 }
        while valueTo > valueFrom && isBlank(bytes[valueTo - 1]) { valueTo -= 1 }
        if valueFrom == valueTo {
            valueFrom = raw.end
            valueTo = raw.end
        }
        let valueRange = ValueText.unwrapped(ByteRange(valueFrom, valueTo), in: source)
        return Field(
            key: key, keyRange: keyRange, colonOffset: separatorEnd, rawValueRange: raw, valueRange: valueRange,
            value: source.string(valueRange), range: ByteRange(keyRange.start, max(valueRange.end, separatorEnd + 1)),
            line: line, role: role)
    }

    /// The key at `range` and its role, read without a cache.
    fileprivate static func key(at range: ByteRange, in source: SourceText, vocabulary: FieldVocabulary) -> (key: String, role: FieldRole?)
    {
        let key = source.string(range)
        return (key, vocabulary.role(of: key))
    }

    /// Where a line's text starts after its indentation and any list marker (`- `, `1. `).
    static func afterListMarker(line: Int, source: SourceText) -> Int {
        let content = source.lineContent(line)
        let bytes = source.bytes
        var offset = content.start
        while offset < content.end && isBlank(bytes[offset]) { offset += 1 }
        var marker = offset
        if marker < content.end
            && (bytes[marker] == UInt8(ascii: "-") || bytes[marker] == UInt8(ascii: "*") || bytes[marker] == UInt8(ascii: "+"))
        {
            marker += 1
        } else {
            while marker < content.end && bytes[marker] >= 0x30 && bytes[marker] <= 0x39 { marker += 1 }
            guard marker > offset, marker < content.end, bytes[marker] == UInt8(ascii: ".") || bytes[marker] == UInt8(ascii: ")") else {
                return offset
            }
            marker += 1
        }
        guard marker < content.end, isBlank(bytes[marker]) else { return offset }
        while marker < content.end && isBlank(bytes[marker]) { marker += 1 }
        return marker
    }

    private static func closes(_ bytes: [UInt8], at offset: Int, like opener: Int, count: Int) -> Bool {
        (0..<count).allSatisfy { bytes[offset + $0] == bytes[opener] }
    }

    /// A field whose value is a Markdown link or an autolink, read through. The field is taken
    /// (`consuming`), so that one without a link is handed back without a copy.
    static func readingLink(_ field: consuming Field, source: SourceText) -> (field: Field, link: Field?) {
        guard let role = field.role, !field.isEmpty,
            source.bytes[field.valueRange.start] == UInt8(ascii: "[")
                || source.bytes[field.valueRange.start] == UInt8(ascii: "<"),
            let link = MarkdownLink.parse(field.valueRange, in: source)
        else { return (field, nil) }
        if role == .title, let text = link.text {
            let title = field.withValue(text, in: source)
            let target = field.withValue(
                link.target, in: source, origin: .linkTarget, key: FieldRole.link.impliedKey,
                keyRange: .empty(at: link.target.start), role: .some(.link))
            return (title, target)
        }
        if role.isLocation || role == .code { return (field.withValue(link.target, in: source), nil) }
        return (field, nil)
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Letters, digits, spaces, `-`, `_`, `;` and `.`, starting with a letter or digit, at most
    /// 32 characters. ASCII keys, nearly all of them, are checked byte by byte.
    static func isKey(_ bytes: ArraySlice<UInt8>) -> Bool {
        // ASCII keys in one pass, a byte's class looked up: nil when a byte is past ASCII.
        let asciiAnswer: Bool? = bytes.withUnsafeBufferPointer { bytes in
            guard let first = bytes.first else { return false }
            var answer = keyByteClass[Int(first)] == .letterOrDigit
            for byte in bytes {
                switch keyByteClass[Int(byte)] {
                case .letterOrDigit, .punctuation: continue
                case .other: answer = false
                case .pastASCII: return nil
                }
            }
            return answer && bytes.count <= maximumKeyLength
        }
        return asciiAnswer ?? isKey(scalarsOf: String(decoding: bytes, as: UTF8.self))
    }

    /// `isKey(_:)` read scalar by scalar: what it answers for keys with letters past ASCII.
    static func isKey(scalarsOf key: String) -> Bool {
        func isPunctuation(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ".")
        }
        guard key.count <= maximumKeyLength, let first = key.unicodeScalars.first,
            first.properties.isAlphabetic || ("0"..."9").contains(first)
        else { return false }
        return key.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || ($0.isASCII && isPunctuation(UInt8($0.value)))
        }
    }
}

private enum KeyByteClass { case letterOrDigit, punctuation, other, pastASCII }

/// What each byte may be in a key (`FieldLine.isKey`).
private let keyByteClass: [KeyByteClass] = (0...255).map { byte in
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .letterOrDigit
    case 0x20, 0x2D, 0x5F, 0x3B, 0x2E: return .punctuation
    case 0x80...: return .pastASCII
    default: return .other
    }
}

/// `[text](target)`, `[text](<target> "title")` or `<target>` filling a value, read from the
/// source. Text after the link (`[abs](...) | [pdf](...)`) is left aside: the first link is
/// the field's.
struct MarkdownLink {
    /// The link text's range, nil for an autolink.
    let text: ByteRange?
    /// The target's range, empty when the link has none (`[arXiv]()`).
    let target: ByteRange

    static func parse(_ range: ByteRange, in source: SourceText) -> MarkdownLink? {
        let bytes = source.bytes
        guard range.start < range.end else { return nil }
        if bytes[range.start] == UInt8(ascii: "<") {
            guard let close = bytes[range.start..<range.end].firstIndex(of: UInt8(ascii: ">")), close > range.start + 1 else { return nil }
            let target = ByteRange(range.start + 1, close)
            guard source.string(target).contains(ascii: "://") else { return nil }
            return MarkdownLink(text: nil, target: target)
        }
        guard bytes[range.start] == UInt8(ascii: "[") else { return nil }
        // The text's closing bracket, nested brackets allowed, escapes skipped.
        var depth = 0
        var offset = range.start
        var textEnd: Int? = nil
        while offset < range.end {
            switch bytes[offset] {
            case UInt8(ascii: "\\"): offset += 1
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { textEnd = offset }
            default: break
            }
            if textEnd != nil { break }
            offset += 1
        }
        guard let textEnd, textEnd + 1 < range.end, bytes[textEnd + 1] == UInt8(ascii: "(") else { return nil }
        var targetStart = textEnd + 2
        var parens = 1
        var cursor = targetStart
        while cursor < range.end {
            if bytes[cursor] == UInt8(ascii: "(") { parens += 1 }
            if bytes[cursor] == UInt8(ascii: ")") {
                parens -= 1
                if parens == 0 { break }
            }
            cursor += 1
        }
        guard cursor < range.end else { return nil }
        while targetStart < cursor && FieldLine.isBlank(bytes[targetStart]) { targetStart += 1 }
        var targetEnd = targetStart
        if targetStart < cursor && bytes[targetStart] == UInt8(ascii: "<") {
            targetStart += 1
            targetEnd = bytes[targetStart..<cursor].firstIndex(of: UInt8(ascii: ">")) ?? cursor
        } else {
            while targetEnd < cursor && !FieldLine.isBlank(bytes[targetEnd]) { targetEnd += 1 }
        }
        var textStart = range.start + 1
        var textStop = textEnd
        while textStart < textStop && FieldLine.isBlank(bytes[textStart]) { textStart += 1 }
        while textStop > textStart && FieldLine.isBlank(bytes[textStop - 1]) { textStop -= 1 }
        return MarkdownLink(text: ByteRange(textStart, textStop), target: ByteRange(targetStart, targetEnd))
    }
}

/// The keys one note has used most recently, with their roles. A note repeats a handful of
/// keys record after record: a key of up to 16 bytes is found among them by its bytes, packed
/// into two words, before any String is made of it or hashed.
final class RoleCache {
    private struct Known {
        let low: UInt64
        let high: UInt64
        let length: Int
        let key: String
        let role: FieldRole?
    }

    /// Unchecked: one `RecordReader` owns the cache and reads one note on one thread, and the
    /// dynamic check was a third of a lookup.
    @exclusivity(unchecked) private var known: [Known] = []
    private var next = 0
    private static let size = 8

    /// The key at `range` of `source` and its role.
    func key(at range: ByteRange, in source: SourceText, vocabulary: FieldVocabulary) -> (key: String, role: FieldRole?) {
        guard range.length <= 16 else { return FieldLine.key(at: range, in: source, vocabulary: vocabulary) }
        var words: (low: UInt64, high: UInt64) = (0, 0)
        source.bytes.withUnsafeBytes { bytes in
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[range.start..<range.end])) }
        }
        let (low, high) = words
        let found = known.withUnsafeBufferPointer { known in
            known.firstIndex { $0.low == low && $0.high == high && $0.length == range.length }
        }
        if let found { return (known[found].key, known[found].role) }
        let (key, role) = FieldLine.key(at: range, in: source, vocabulary: vocabulary)
        let entry = Known(low: low, high: high, length: range.length, key: key, role: role)
        if known.count < Self.size {
            known.append(entry)
        } else {
            known[next] = entry
            next = (next + 1) % Self.size
        }
        return (key, role)
    }
}
