/// Note text made safe to print: characters a terminal would act on rather than show (C0
/// controls, DEL, C1 controls), and those that reorder what follows them (bidirectional
/// embeddings, overrides, isolates and marks), are written as escapes: `\x1b` for a code below
/// 256, `\u{202e}` above. Other text, backslashes included, is left as it is.
///
/// The text and concise reports escape messages, paths and source excerpts; the JUnit report
/// escapes its messages (XML 1.0 cannot hold most C0 controls). JSON and SARIF escape by their
/// own rules, and the language server sends text as it is: an editor shows it.
enum VisibleText {
    /// `keepingLineBreaks` leaves LF and CR to formats that encode them their own way.
    static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // Printable ASCII and tabs, nearly every path and message, read as bytes.
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 } }) == true {
            return text
        }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) && !(keepingLineBreaks && (scalar == "\n" || scalar == "\r")) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return scalar.value < 0x100 ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u{\(hex)}"
    }
}
