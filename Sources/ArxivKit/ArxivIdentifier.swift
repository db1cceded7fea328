/// An arXiv identifier: new style `2104.09864` (YYMM.NNNNN) or old style `hep-th/9901001`
/// (archive[.SUBJECT]/YYMMNNN), with an optional version.
public struct ArxivIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// The identifier without version.
    public let id: String
    public let version: Int?

    public init(id: String, version: Int?) {
        self.id = id
        self.version = version
    }

    public var description: String { version.map { "\(id)v\($0)" } ?? id }

    /// Parses `ID` or `IDvN`, in either style; nil when the text has neither shape.
    public static func parse(_ text: String) -> ArxivIdentifier? {
        var body = Substring(text)
        var version: Int? = nil
        if let v = body.lastIndex(of: "v"), let number = Int(body[body.index(after: v)...]),
           body[body.index(after: v)...].allSatisfy(\.isASCII), number > 0 {
            version = number
            body = body[..<v]
        }
        let id = String(body)
        guard isNewStyle(id) || isOldStyle(id) else { return nil }
        return ArxivIdentifier(id: id, version: version)
    }

    private static func isNewStyle(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 4 || parts[1].count == 5 else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    private static func isOldStyle(_ id: String) -> Bool {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 7, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        let archive = parts[0]
        return !archive.isEmpty && archive.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-" || $0 == ".") }
            && archive.first!.isLetter
    }
}

/// Recognises the ways a note refers to an arXiv paper: abs and pdf links (any of arxiv.org's
/// hosts, http or https, with or without `.pdf`), `arXiv:ID`, and the arXiv DOI.
public enum ArxivReference {
    public static func identifier(inLink link: String) -> ArxivIdentifier? {
        let text = link.trimmingCharacters(in: " \t")
        let lower = text.lowercased()
        if lower.hasPrefix("arxiv:") {
            return ArxivIdentifier.parse(String(text.dropFirst("arxiv:".count)))
        }
        for prefix in ["https://doi.org/10.48550/arxiv.", "http://doi.org/10.48550/arxiv.", "https://dx.doi.org/10.48550/arxiv."]
        where lower.hasPrefix(prefix) {
            return ArxivIdentifier.parse(String(text.dropFirst(prefix.count)))
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
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        for kind in ["abs/", "pdf/"] where path.hasPrefix(kind) {
            var id = String(path.dropFirst(kind.count))
            if id.hasSuffix("/") { id.removeLast() }
            if kind == "pdf/" && id.lowercased().hasSuffix(".pdf") { id.removeLast(4) }
            return ArxivIdentifier.parse(id)
        }
        return nil
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
