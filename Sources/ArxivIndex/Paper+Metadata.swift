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
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        func add(_ part: ArraySlice<UInt8>) {
            var name = part.drop(while: isBlank)
            while let last = name.last, isBlank(last) { name = name.dropLast() }
            if !names.isEmpty && name.starts(with: "and ".utf8) { name = name.dropFirst(4).drop(while: isBlank) }
            guard !name.isEmpty else { return }
            // One blank between words, as most names already are.
            var previousBlank = false
            let tidy = name.allSatisfy { byte in
                defer { previousBlank = isBlank(byte) }
                return byte == 0x20 ? !previousBlank : !isBlank(byte)
            }
            if tidy {
                names.append(String(decoding: name, as: UTF8.self))
            } else {
                names.append(name.split(whereSeparator: isBlank).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " "))
            }
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

    /// `2007-04-02` read as bytes.
    private static func day(_ text: String) -> ArxivMetadata.Day? {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return ArxivMetadata.Day(year: year, month: month, day: day)
    }
}
