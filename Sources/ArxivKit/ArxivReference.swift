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
        let text = link.trimmingCharacters(in: " \t")
        let lower = text.lowercased()
        if lower.hasPrefix("arxiv:") {
            return make(String(text.dropFirst("arxiv:".count)), canonical: false)
        }
        for prefix in ["https://doi.org/10.48550/arxiv.", "http://doi.org/10.48550/arxiv.",
                       "https://dx.doi.org/10.48550/arxiv.", "http://dx.doi.org/10.48550/arxiv."]
        where lower.hasPrefix(prefix) {
            return make(String(text.dropFirst(prefix.count)), canonical: false)
        }
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = text.dropFirst("https://".count)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst("http://".count)
        } else {
            return nil
        }
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let host = rest[..<slash].lowercased()
        guard ["arxiv.org", "www.arxiv.org", "export.arxiv.org"].contains(host) else { return nil }
        var path = String(rest[rest.index(after: slash)...])
        var hadQuery = false
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            path = String(path[..<cut])
            hadQuery = true
        }
        for kind in ["abs/", "pdf/"] where path.hasPrefix(kind) {
            var id = String(path.dropFirst(kind.count))
            var trailingSlash = false
            if id.hasSuffix("/") { id.removeLast(); trailingSlash = true }
            if kind == "pdf/" && id.lowercased().hasSuffix(".pdf") { id.removeLast(4) }
            let canonical = text.hasPrefix("https://arxiv.org/abs/") && !trailingSlash && !hadQuery
            return make(id, canonical: canonical)
        }
        return nil
    }

    private static func make(_ raw: String, canonical: Bool) -> ArxivReference {
        let identifier = ArxivIdentifier.parse(raw)
        return ArxivReference(rawIdentifier: raw, identifier: identifier, isCanonical: canonical && identifier != nil)
    }

    /// The identifier a link names, when it names a well-formed one.
    public static func identifier(inLink link: String) -> ArxivIdentifier? { parse(link)?.identifier }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
