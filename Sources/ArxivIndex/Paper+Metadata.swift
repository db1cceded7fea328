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
        // Byte by byte: a Character walk cost 90,000 instructions a paper, most of a lookup.
        var names: [String] = []
        var depth = 0
        var start = 0
        let bytes = Array(authors.utf8)
        func add(_ part: ArraySlice<UInt8>) {
            let words = part.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D })
            var name = words.map { String(decoding: $0, as: UTF8.self) }
            if name.first == "and" && names.count > 0 { name.removeFirst() }
            if !name.isEmpty { names.append(name.joined(separator: " ")) }
        }
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth = max(depth - 1, 0)
            case UInt8(ascii: ",") where depth == 0:
                add(bytes[start..<index])
                start = index + 1
            case UInt8(ascii: " ") where depth == 0 && bytes[index...].starts(with: " and ".utf8) && index > start:
                add(bytes[start..<index])
                start = index + 1
            default: break
            }
            index += 1
        }
        add(bytes[start..<bytes.count])
        return names
    }

    private static func day(_ text: String) -> ArxivMetadata.Day? {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return ArxivMetadata.Day(year: parts[0], month: parts[1], day: parts[2])
    }
}
