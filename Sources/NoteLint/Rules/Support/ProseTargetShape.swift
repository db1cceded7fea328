import NoteSyntax

/// The two shapes nearly every Markdown link target has, told from its bytes in one pass, for
/// which `LinkInvalid.problem(inProseTarget:)` needs none of its other checks.
enum ProseTargetShape {
    /// No `:` and no `]`, and it starts with none of `[`, `h`, `w` (nor `H`, `W`):
    /// a path or an anchor (`docs/usage.md`, `#install`), never a problem.
    case relative
    /// `https://` or `http://` in lower case, no `](` inside, and no `]` at the end: only the
    /// address itself is left to check.
    case webAddress
    /// Anything else, for the whole reading.
    case other

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else {
            self = .other
            return
        }
        let hasColon = ByteSearch.contains(UInt8(ascii: ":"), in: bytes, from: 0, to: bytes.count)
        let closingBracket = ByteSearch.first(UInt8(ascii: "]"), in: bytes, from: 0, to: bytes.count)
        if !hasColon && closingBracket == nil {
            // `[`: wrapped in brackets; `h`: `https//...`; `w`: `www.`, a host without its scheme.
            let lowered = first | 0x20
            let mayBeWrong = first == UInt8(ascii: "[") || lowered == UInt8(ascii: "h") || lowered == UInt8(ascii: "w")
            self = mayBeWrong ? .other : .relative
            return
        }
        let scheme = Self.starts(bytes, with: Self.https) || Self.starts(bytes, with: Self.http)
        if scheme && bytes.last != UInt8(ascii: "]") && !Self.holdsLinkOpening(bytes, from: closingBracket) {
            self = .webAddress
        } else {
            self = .other
        }
    }

    private static let https = Array("https://".utf8)
    private static let http = Array("http://".utf8)

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && bytes[..<prefix.count].elementsEqual(prefix)
    }

    /// Whether a `]` at or after `bracket` is followed by `(`.
    private static func holdsLinkOpening(_ bytes: UnsafeBufferPointer<UInt8>, from bracket: Int?) -> Bool {
        var next = bracket
        while let index = next {
            if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "(") { return true }
            next = ByteSearch.first(UInt8(ascii: "]"), in: bytes, from: index + 1, to: bytes.count)
        }
        return false
    }
}
