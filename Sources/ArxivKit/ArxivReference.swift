/// How a link refers to an arXiv paper, as written: the forms notes use are abs and pdf links
/// (on arxiv.org, www.arxiv.org or export.arxiv.org, http or https, with or without `.pdf`),
/// `arXiv:ID`, and arXiv's DOI `https://doi.org/10.48550/arXiv.ID`.
public struct ArxivReference: Sendable, Equatable {
    /// The identifier text as written, version included (it may not be a valid identifier).
    public let rawIdentifier: String
    /// The identifier when it has a valid shape.
    public let identifier: ArxivIdentifier?
    /// Written exactly as `https://arxiv.org/abs/ID[vN]`.
    public let isCanonical: Bool

    /// `https://arxiv.org/abs/ID[vN]`, keeping the version the user wrote.
    public var canonicalLink: String? { identifier.map { "https://arxiv.org/abs/\($0)" } }

    /// Reads a link; nil when it does not point at arXiv at all.
    public static func parse(_ link: String) -> ArxivReference? {
        var bytes = Array(link.utf8)[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        guard let first = bytes.first, first == UInt8(ascii: "a") || first == UInt8(ascii: "A") || first == UInt8(ascii: "h")
                || first == UInt8(ascii: "H") else { return nil }
        if ASCII.hasPrefix(bytes, "arxiv:") { return make(bytes.dropFirst(6), canonical: false) }
        for prefix: StaticString in ["https://doi.org/10.48550/arxiv.", "http://doi.org/10.48550/arxiv.",
                                     "https://dx.doi.org/10.48550/arxiv.", "http://dx.doi.org/10.48550/arxiv."]
        where ASCII.hasPrefix(bytes, prefix) {
            return make(bytes.dropFirst(prefix.utf8CodeUnitCount), canonical: false)
        }
        var rest: ArraySlice<UInt8>
        if ASCII.hasPrefix(bytes, "https://") {
            rest = bytes.dropFirst(8)
        } else if ASCII.hasPrefix(bytes, "http://") {
            rest = bytes.dropFirst(7)
        } else {
            return nil
        }
        var hostLength = 0
        for prefix: StaticString in ["arxiv.org/", "www.arxiv.org/", "export.arxiv.org/"] where ASCII.hasPrefix(rest, prefix) {
            hostLength = prefix.utf8CodeUnitCount
        }
        guard hostLength > 0 else { return nil }
        rest = rest.dropFirst(hostLength)
        var hadQuery = false
        if let cut = rest.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            rest = rest[..<cut]
            hadQuery = true
        }
        let isAbs = ASCII.hasPrefix(rest, "abs/")
        guard isAbs || ASCII.hasPrefix(rest, "pdf/") else { return nil }
        var id = rest.dropFirst(4)
        var trailingSlash = false
        if id.last == UInt8(ascii: "/") { id = id.dropLast(); trailingSlash = true }
        if !isAbs && id.count > 4 && ASCII.hasPrefix(id.suffix(4), ".pdf") { id = id.dropLast(4) }
        let canonical = isAbs && bytes.starts(with: "https://arxiv.org/abs/".utf8) && !trailingSlash && !hadQuery
        return make(id, canonical: canonical)
    }

    private static func make(_ raw: ArraySlice<UInt8>, canonical: Bool) -> ArxivReference {
        make(String(decoding: raw, as: UTF8.self), canonical: canonical)
    }

    private static func make(_ raw: String, canonical: Bool) -> ArxivReference {
        let identifier = ArxivIdentifier.parse(raw)
        return ArxivReference(rawIdentifier: raw, identifier: identifier, isCanonical: canonical && identifier != nil)
    }

    /// The identifier a link names, when it names a well-formed one.
    public static func identifier(inLink link: String) -> ArxivIdentifier? { parse(link)?.identifier }
}
