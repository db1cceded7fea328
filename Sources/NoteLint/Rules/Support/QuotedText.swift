/// Note text as a finding's message or a fix's title quotes it: at most `limit` Unicode
/// scalars, the rest cut off with "…", so a value of megabytes does not travel into every
/// report and editor. Scalars, not characters, are counted: one character may be any number
/// of combining marks long.
///
/// Only the length is bounded here. Control characters stay as they are: an editor shows the
/// text itself, and the terminal reporters make them visible.
public enum QuotedText {
    public static let limit = 200

    public static func clipped<Text: StringProtocol>(_ text: Text, limit: Int = QuotedText.limit) -> String {
        let scalars = text.unicodeScalars
        guard let cut = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex),
            cut != scalars.endIndex
        else { return String(text) }
        var clipped = ""
        clipped.unicodeScalars.append(contentsOf: scalars[..<scalars.index(before: cut)])
        return clipped + "…"
    }
}

extension String.StringInterpolation {
    /// `"date `\(quoted: field.value)` is in the future"`: note text, clipped by `QuotedText`.
    mutating func appendInterpolation<Text: StringProtocol>(quoted text: Text) {
        appendLiteral(QuotedText.clipped(text))
    }
}
