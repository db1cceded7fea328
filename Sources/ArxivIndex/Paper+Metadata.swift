import ArxivKit

extension Paper {
    /// The paper as the API would describe `version` (the latest when nil); nil for a version
    /// the index does not know of yet.
    public func metadata(version: Int? = nil) -> ArxivMetadata? {
        guard let firstVersionDate, let submitted = Self.day(firstVersionDate) else { return nil }
        let count = max(versionCount, 1)
        if let version, version > count { return nil }
        return ArxivMetadata(
            id: id, version: version ?? count, title: title, summary: abstract ?? "", authors: authorNames,
            published: firstVersionDate, updated: (version == nil || version == count ? latestVersionDate : nil) ?? firstVersionDate,
            submitted: submitted, primaryCategory: categories.first ?? "", categories: categories, doi: doi,
            journalReference: journalReference, comment: comments, withdrawn: withdrawn)
    }

    /// The snapshot's author line (`A. Smith, B. Jones (MIT) and C. Lee`) as names: split at
    /// commas and at the last " and ", not inside parentheses (affiliations).
    public var authorNames: [String] {
        var names: [String] = []
        var current = ""
        var depth = 0
        for character in authors {
            switch character {
            case "(": depth += 1
            case ")": depth = max(depth - 1, 0)
            case "," where depth == 0:
                names.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        names.append(current)
        if let last = names.popLast() {
            names += last.split(separator: " and ").map(String.init)
        }
        return names.map { $0.collapsingWhitespace() }.map { $0.hasPrefix("and ") ? String($0.dropFirst(4)) : $0 }.filter { !$0.isEmpty }
    }

    private static func day(_ text: String) -> ArxivMetadata.Day? {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return ArxivMetadata.Day(year: parts[0], month: parts[1], day: parts[2])
    }
}
