import NoteSyntax

struct EntryPastedFurniture: Rule {
    static let scope = RuleScope.lines

    static let description = RuleDescription(
        id: "entry-pasted-furniture",
        summary: "text of arXiv's abstract page pasted with an entry",
        rationale: """
            Copying a paper's details from its arXiv abstract page brings the page's furniture along: \
            the line `(or arXiv:2104.09864v5 [cs.CL] for this version)` under "Cite as", and the \
            tooltip text `Focus to learn more` glued onto the DOI link, which breaks the link. Neither \
            is part of the paper's metadata.
            """,
        defaultSeverity: .warning,
        fix: .unsafe,
        fixNote: """
            Unsafe: removing the tooltip text changes where the DOI link points (it repairs it), and \
            removing the version line deletes text; check both.
            """,
        examples: RuleExamples(
            nonTriggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDOI: https://doi.org/10.48550/arXiv.2104.09864\n"
            ],
            triggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDOI: https://doi.org/10.48550/arXiv.2104.09864↓Focus to learn more\n",
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\n↓(or arXiv:2104.09864v5 [cs.CL] for this version)\n",
            ],
            corrections: [
                .init(
                    "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDOI: https://doi.org/10.48550/arXiv.2104.09864 Focus to learn more\n",
                    "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDOI: https://doi.org/10.48550/arXiv.2104.09864\n")
            ]
        )
    )

    init(options: RuleOptions) throws {}

    /// Only text inside an entry is reported: a page kept whole on purpose (an archived copy of
    /// the abstract page) is the author's business.
    func check(_ context: inout LintContext) {
        let source = context.source
        for entry in context.entries.lazy.map(\.entry) where entry.isWrittenAsLines {
            // The record model has seen both: lines of furniture, and values the tooltip followed.
            guard
                !entry.furnitureLines.isEmpty
                    // By index: `contains(where:)` copied every field.
                    || entry.fields.indices.contains(where: { index in
                        let fields = entry.fields
                        return fields[index].origin == .line
                            && fields[index].rawValueRange.end - fields[index].valueRange.end >= ArxivFurniture.tooltip.utf8.count
                    })
            else { continue }
            for line in entry.lines {
                let content = source.lineContent(line)
                if let tooltip = Self.occurrences(of: ArxivFurniture.tooltip, in: source, within: content).first {
                    var removal = tooltip
                    while removal.start > content.start && [0x20, 0x09].contains(source.bytes[removal.start - 1]) { removal.start -= 1 }
                    let fix = Fix(title: "Remove `\(ArxivFurniture.tooltip)`", applicability: .unsafe, edits: [.delete(removal)])
                    context.report(
                        "`\(ArxivFurniture.tooltip)` is the abstract page's tooltip, pasted onto the value", at: tooltip, fix: fix)
                }
                guard let end = Self.occurrences(of: Self.versionLineEnd, in: source, within: content).first,
                    let version = Self.versionNote(endingAt: end.end, line: line, source: source)
                else { continue }
                let rest = source.string(ByteRange(content.start, version.start)) + source.string(ByteRange(version.end, content.end))
                let alone = rest.allSatisfy { $0 == " " || $0 == "\t" || $0 == ">" }
                let removal = alone ? LineSpans.lines(line, line, in: source) : version
                let fix = Fix(
                    title: alone ? "Remove the line" : "Remove the version note", applicability: .unsafe, edits: [.delete(removal)])
                context.report("pasted from arXiv's abstract page: not part of the entry", at: version, fix: fix)
            }
        }
    }

    static let versionLineEnd = "version)"

    /// `(or arXiv:2104.09864v5 [cs.CL] for this version)` ending at `end`, on `line`.
    static func versionNote(endingAt end: Int, line: Int, source: SourceText) -> ByteRange? {
        let content = source.lineContent(line)
        let before = source.string(ByteRange(content.start, end))
        guard let open = before.utf8.lastIndex(of: UInt8(ascii: "(")) else { return nil }
        let start = content.start + before.utf8.distance(from: before.utf8.startIndex, to: open)
        let note = source.string(ByteRange(start, end))
        guard
            note.hasPrefix("(or ") && note.hasSuffix("for this version)")
                && (note.contains(ascii: "arXiv:") || note.contains(ascii: "arxiv.org"))
        else { return nil }
        return ByteRange(start, end)
    }

    /// Every place `needle` occurs in `range`.
    static func occurrences(of needle: String, in source: SourceText, within range: ByteRange) -> [ByteRange] {
        let pattern = Array(needle.utf8)
        let bytes = source.bytes
        var found: [ByteRange] = []
        guard range.length >= pattern.count else { return found }
        var offset = range.start
        let last = range.end - pattern.count
        while offset <= last {
            guard let next = bytes[offset...last].firstIndex(of: pattern[0]) else { break }
            if bytes[next..<next + pattern.count].elementsEqual(pattern) {
                found.append(ByteRange(next, next + pattern.count))
                offset = next + pattern.count
            } else {
                offset = next + 1
            }
        }
        return found
    }
}
