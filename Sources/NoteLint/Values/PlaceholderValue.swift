/// Values that stand for one not known yet (`TBD` in a schedule's Title column): two of them
/// are not the same paper.
enum PlaceholderValue {
    static let words: Set<String> = ["tbd", "tba", "todo", "n/a", "na", "none", "unknown", "null"]

    static func isPlaceholder(_ value: String) -> Bool {
        // Titles and links, nearly every value asked about, are longer than a placeholder word
        // or a run of punctuation: only the brackets are looked at.
        guard value.utf8.count <= 8 else { return isBracketedDescription(value) }
        return (value.utf8.count <= 7 && words.contains(value.lowercased())) || isPunctuationOnly(value) || isBracketedDescription(value)
    }

    /// `?`, `-`, `—`, `...`, `.` (a schedule's empty slot): no letter and no digit.
    static func isPunctuationOnly(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count <= 8 && !value.contains { $0.isLetter || $0.isNumber }
    }

    /// `[DOI or PDF link]`, `<paper url>`, `{{url}}`: a template's description of the value
    /// to come, in brackets (and not a Markdown link or an autolink).
    static func isBracketedDescription(_ value: String) -> Bool {
        // Nearly every value opens with no bracket: told from its first byte.
        guard let first = value.utf8.first, first == UInt8(ascii: "[") || first == UInt8(ascii: "{") || first == UInt8(ascii: "<") else {
            return false
        }
        var value = value
        return value.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            switch (bytes[0], bytes[bytes.count - 1]) {
            case (UInt8(ascii: "["), UInt8(ascii: "]")):
                return !bytes.indices.dropLast().contains { bytes[$0] == UInt8(ascii: "]") && bytes[$0 + 1] == UInt8(ascii: "(") }
            case (UInt8(ascii: "{"), UInt8(ascii: "}")): return true
            case (UInt8(ascii: "<"), UInt8(ascii: ">")): return bytes.contains(UInt8(ascii: " ")) || !bytes.contains(UInt8(ascii: ":"))
            default: return false
            }
        }
    }
}
