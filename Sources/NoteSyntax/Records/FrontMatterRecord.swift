/// The front matter of a note about one paper, read as its record: only when it carries a
/// paper identifier (an arXiv id, a DOI, a link to a paper), so that a blog post's front matter
/// is never taken for one.
enum FrontMatterRecord {
    /// Keys that hold an identifier whatever their value looks like.
    static let identifierKeys: Set<String> = ["arxiv", "arxiv_id", "arxiv-id", "arxivid", "eprint", "doi"]
    /// Keys whose value identifies a paper when it points at one.
    static let locationKeys: Set<String> = ["url", "link", "source", "pdf", "paper", "paper_url", "arxiv_url", "arxiv-url", "href"]
    static let paperHosts: [StaticString] = [
        "arxiv.org", "doi.org", "openreview.net", "aclanthology.org", "semanticscholar.org",
        "proceedings.", "papers.nips.cc", "dl.acm.org", "ieeexplore.ieee.org", "biorxiv.org",
    ]

    static func record(_ frontMatter: FrontMatter, source: SourceText, vocabulary: FieldVocabulary) -> Entry? {
        var fields: [Field] = []
        var identified = false
        for pair in frontMatter.pairs {
            guard case .scalar(let key, let keyRange) = pair.key, case .scalar(let value, let scalarRange) = pair.value,
                !isNull(value, at: scalarRange, in: source)
            else { continue }
            let folded = key.lowercased()
            if !value.isEmpty && (identifierKeys.contains(folded) || (locationKeys.contains(folded) && pointsAtPaper(value))) {
                identified = true
            }
            // `source` names a paper only when its value points at one (`source: cs.CV` is a feed).
            let location = locationKeys.contains(folded) && (folded != "source" || pointsAtPaper(value))
            let role =
                identifierKeys.contains(folded)
                ? (folded == "doi" ? .doi : .link)
                : vocabulary.role(of: key) ?? (location ? .link : nil)
            guard let role else { continue }
            var valueRange = unquoted(scalarRange, in: source)
            var text = value
            if role == .date, let day = dayOfTimestamp(value) {
                // YAML timestamps (`2021-04-20 10:00:00 +0000`): the day is the date.
                valueRange = ByteRange(valueRange.start, valueRange.start + day.utf8.count)
                text = day
            }
            let line = source.lineIndex.line(containing: keyRange.start)
            fields.append(
                Field(
                    key: key, keyRange: keyRange, colonOffset: keyRange.end, rawValueRange: scalarRange,
                    valueRange: valueRange, value: text, range: ByteRange(keyRange.start, max(valueRange.end, keyRange.end)),
                    line: line, origin: .frontMatter, role: role))
        }
        guard identified, RecordReader.isRecord(fields, vocabulary: vocabulary) else { return nil }
        let lines = frontMatter.lines
        return Entry(
            fields: fields, lines: lines, range: ByteRange(fields.map(\.range.start).min()!, fields.map(\.range.end).max()!),
            blockIndex: 0, shape: .frontMatter)
    }

    static func pointsAtPaper(_ value: String) -> Bool {
        let lowered = value.lowercased()
        return paperHosts.contains { lowered.contains(ascii: $0) } || lowered.hasSuffix(".pdf")
    }

    private static func dayOfTimestamp(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        guard bytes.count > 10, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
        else { return nil }
        return String(value.prefix(10))
    }

    /// `arxiv: null` (or `~`): YAML's way of saying there is none.
    static func isNull(_ value: String, at range: ByteRange, in source: SourceText) -> Bool {
        guard value == "null" || value == "Null" || value == "NULL" || value == "~" else { return false }
        let first = source.bytes[range.start]
        return first != UInt8(ascii: "\"") && first != UInt8(ascii: "'")
    }

    /// A quoted scalar's text without its quotes, when it sits on one line.
    private static func unquoted(_ range: ByteRange, in source: SourceText) -> ByteRange {
        guard range.length >= 2, let first = source.byte(at: range.start), let last = source.byte(at: range.end - 1),
            first == last, first == UInt8(ascii: "\"") || first == UInt8(ascii: "'")
        else { return range }
        return ByteRange(range.start + 1, range.end - 1)
    }
}
