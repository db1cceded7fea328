/// How a link refers to an arXiv paper, as written: the forms notes use are abs and pdf links
/// (on arxiv.org, www.arxiv.org or export.arxiv.org, http or https, with or without `.pdf`),
/// `arXiv:ID`, and arXiv's DOI `https://doi.org/10.48550/arXiv.ID`.
public struct ArxivReference: Sendable, Equatable {
    /// How the link is written, compared with `canonicalLink`: whether rewriting it to that
    /// link keeps its target.
    public enum Form: Sendable, Equatable {
        /// `https://arxiv.org/abs/ID[vN]` exactly.
        case canonical
        /// The abstract page on arxiv.org with only the scheme (`http:`) or the case of the
        /// scheme and host written otherwise: the canonical link names the same page.
        case abstractPageRespelled
        /// The abstract page on another host (`www.`, `export.`), or with a path written
        /// otherwise (case, trailing slash, version digits), a query or a fragment: another URL.
        case abstractPageVariant
        /// `abs/ID.pdf`: a page arXiv does not have (its PDFs live under `pdf/`).
        case abstractPageWithPDFSuffix
        /// `pdf/ID` or `pdf/ID.pdf`: the PDF, another document than the abstract page.
        case pdf
        /// `arXiv:ID`.
        case prefixedIdentifier
        /// arXiv's DOI, which a resolver sends on to arXiv.
        case doi
    }

    /// The identifier text as written, version included (it may not be a valid identifier).
    public let rawIdentifier: String
    /// The identifier when it has a valid shape.
    public let identifier: ArxivIdentifier?
    public let form: Form

    /// Written exactly as `https://arxiv.org/abs/ID[vN]`, with a well-formed identifier.
    public var isCanonical: Bool { form == .canonical && identifier != nil }

    /// `https://arxiv.org/abs/ID[vN]`, keeping the version the user wrote.
    public var canonicalLink: String? { identifier.map { "https://arxiv.org/abs/\($0)" } }

    /// Reads a link; nil when it does not point at arXiv at all.
    public static func parse(_ link: String) -> ArxivReference? {
        // Read in the string's own storage: every Link of every entry is parsed here.
        var link = link
        return link.withUTF8 { parse($0[...]) }
    }

    private static let doiPrefixes: [StaticString] = [
        "https://doi.org/10.48550/arxiv.", "http://doi.org/10.48550/arxiv.",
        "https://dx.doi.org/10.48550/arxiv.", "http://dx.doi.org/10.48550/arxiv.",
    ]
    private static let hosts: [StaticString] = ["arxiv.org/", "www.arxiv.org/", "export.arxiv.org/"]
    /// A space pasted after the address, percent-encoded.
    private static let encodedSpaces: [StaticString] = ["%C2%A0", "%c2%a0", "%20"]

    private static func parse(_ link: ASCII.Bytes) -> ArxivReference? {
        var bytes = link
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        guard let first = bytes.first,
            first == UInt8(ascii: "a") || first == UInt8(ascii: "A") || first == UInt8(ascii: "h")
                || first == UInt8(ascii: "H")
        else { return nil }
        if let canonical = canonicalShape(bytes) { return canonical }
        if ASCII.hasPrefix(bytes, "arxiv:") { return make(bytes.dropFirst(6), form: .prefixedIdentifier) }
        for prefix in doiPrefixes where ASCII.hasPrefix(bytes, prefix) {
            return make(bytes.dropFirst(prefix.utf8CodeUnitCount), form: .doi)
        }
        var rest: ASCII.Bytes
        if ASCII.hasPrefix(bytes, "https://") {
            rest = bytes.dropFirst(8)
        } else if ASCII.hasPrefix(bytes, "http://") {
            rest = bytes.dropFirst(7)
        } else {
            return nil
        }
        var hostLength = 0
        for prefix in hosts where ASCII.hasPrefix(rest, prefix) {
            hostLength = prefix.utf8CodeUnitCount
        }
        guard hostLength > 0 else { return nil }
        let onBareHost = hostLength == "arxiv.org/".utf8.count
        rest = rest.dropFirst(hostLength)
        var hadQuery = false
        if let cut = rest.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            rest = rest[..<cut]
            hadQuery = true
        }
        let isAbs = ASCII.hasPrefix(rest, "abs/")
        guard isAbs || ASCII.hasPrefix(rest, "pdf/") else { return nil }
        let pathAsArxivWritesIt = ASCII.hasExactPrefix(rest, "abs/")
        var id = rest.dropFirst(4)
        // A space pasted after the address (`...pdf%C2%A0`) is no part of the identifier;
        // link-invalid reports it.
        var pastedSpace = false
        for encoded in encodedSpaces where id.count > encoded.utf8CodeUnitCount {
            if ASCII.hasPrefix(id.suffix(encoded.utf8CodeUnitCount), encoded) {
                id = id.dropLast(encoded.utf8CodeUnitCount)
                pastedSpace = true
            }
        }
        var trailingSlash = false
        if id.last == UInt8(ascii: "/") {
            id = id.dropLast()
            trailingSlash = true
        }
        var pdfSuffix = false
        if id.count > 4 && ASCII.hasPrefix(id.suffix(4), ".pdf") {
            id = id.dropLast(4)
            pdfSuffix = true
        }
        let raw = String(decoding: id, as: UTF8.self)
        let identifier = ArxivIdentifier.parse(raw)
        let form: Form
        if !isAbs {
            form = .pdf
        } else if pdfSuffix {
            form = .abstractPageWithPDFSuffix
        } else if !onBareHost || !pathAsArxivWritesIt || trailingSlash || hadQuery || pastedSpace || identifier?.description != raw {
            form = .abstractPageVariant
        } else {
            form = ASCII.hasExactPrefix(bytes, "https://arxiv.org/abs/") ? .canonical : .abstractPageRespelled
        }
        return ArxivReference(rawIdentifier: raw, identifier: identifier, form: form)
    }

    private static let canonicalPrefix: StaticString = "https://arxiv.org/abs/"

    /// `https://arxiv.org/abs/` and digits, dots and `v`s, which most links are: read as the
    /// general path reads them (an abstract page on the bare host, nothing to strip from the
    /// identifier), without trying every other form first.
    private static func canonicalShape(_ bytes: ASCII.Bytes) -> ArxivReference? {
        guard ASCII.hasExactPrefix(bytes, canonicalPrefix) else { return nil }
        let id = bytes.dropFirst(canonicalPrefix.utf8CodeUnitCount)
        for byte in id where !ASCII.isDigit(byte) && byte != UInt8(ascii: ".") && byte != UInt8(ascii: "v") { return nil }
        let raw = String(decoding: id, as: UTF8.self)
        let identifier = ArxivIdentifier.parse(raw)
        return ArxivReference(
            rawIdentifier: raw, identifier: identifier, form: identifier?.description == raw ? .canonical : .abstractPageVariant)
    }

    private static func make(_ raw: ASCII.Bytes, form: Form) -> ArxivReference {
        make(String(decoding: raw, as: UTF8.self), form: form)
    }

    private static func make(_ raw: String, form: Form) -> ArxivReference {
        ArxivReference(rawIdentifier: raw, identifier: ArxivIdentifier.parse(raw), form: form)
    }

    /// The identifier a link names, when it names a well-formed one.
    public static func identifier(inLink link: String) -> ArxivIdentifier? { parse(link)?.identifier }
}
