import NoteSyntax

/// The arXiv identifiers a note names outside its records' link fields: in the targets of
/// Markdown links and in bare URLs (`arxiv.org/abs/ID`, `arxiv.org/pdf/ID`) and in `arXiv:ID`
/// citations, on Markdown lines (not code, HTML or front matter) and outside code spans. Only
/// what is written like an identifier (digits, a dot, digits; or `archive/digits`) is
/// returned: a placeholder such as `YYMM.NNNNN` is a template's, not a typo.
enum ProseArxivReferences {
    struct Reference {
        let raw: String
        let range: ByteRange
    }

    static func all(in note: Note) -> [Reference] {
        let source = note.source
        let bytes = source.bytes
        var found: [Reference] = []
        for line in 0..<note.lineKinds.count where note.lineKinds[line] == .markdown {
            let content = source.lineContent(line)
            var offset = content.start
            var backticks = 0
            while offset < content.end {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "`") { backticks += 1 }
                if backticks % 2 == 0, byte == UInt8(ascii: "a") || byte == UInt8(ascii: "A"),
                    let start = identifierStart(bytes, at: offset, end: content.end)
                {
                    var end = start
                    while end < content.end, !isDelimiter(bytes[end]) { end += 1 }
                    let range = trimmed(bytes, ByteRange(start, end))
                    if range.end > range.start, looksLikeAnIdentifier(bytes[range.start..<range.end]) {
                        found.append(Reference(raw: source.string(range), range: range))
                    }
                    offset = max(end, offset + 1)
                    continue
                }
                offset += 1
            }
        }
        return found
    }

    /// Where the identifier starts, when `arxiv.org/abs/`, `arxiv.org/pdf/` or `arXiv:` starts at
    /// `offset` (any case).
    private static func identifierStart(_ bytes: [UInt8], at offset: Int, end: Int) -> Int? {
        for prefix in ["arxiv.org/abs/", "arxiv.org/pdf/", "arxiv:"] {
            let length = prefix.utf8.count
            guard offset + length <= end else { continue }
            var matches = true
            for (index, expected) in prefix.utf8.enumerated() where lowered(bytes[offset + index]) != expected {
                matches = false
                break
            }
            if matches { return offset + length }
        }
        return nil
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
    private static func trimmed(_ bytes: [UInt8], _ range: ByteRange) -> ByteRange {
        var end = range.end
        if end - range.start > 4, bytes[(end - 4)..<end].elementsEqual(".pdf".utf8) { end -= 4 }
        while end > range.start, bytes[end - 1] == UInt8(ascii: "/") || bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        return ByteRange(range.start, end)
    }

    /// `2104.09864`, `2104.09864v2`, `hep-th/9901001`, `math.GT/0309136`: the shapes of an
    /// identifier, valid or not.
    private static func looksLikeAnIdentifier(_ text: ArraySlice<UInt8>) -> Bool {
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
