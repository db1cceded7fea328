import NoteSyntax

struct EntryPastedFurniture: Rule {
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
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDOI: https://doi.org/10.48550/arXiv.2104.09864\n",
            ],
            triggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDOI: https://doi.org/10.48550/arXiv.2104.09864↓Focus to learn more\n",
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\n↓(or arXiv:2104.09864v5 [cs.CL] for this version)\n",
            ],
            corrections: [
                .init("Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDOI: https://doi.org/10.48550/arXiv.2104.09864 Focus to learn more\n",
                      "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDOI: https://doi.org/10.48550/arXiv.2104.09864\n"),
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        let source = context.source
        for entry in context.note.entries {
            for line in entry.furnitureLines {
                let content = source.lineContent(line)
                let text = source.string(content)
                let start = content.start + text.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
                let fix = Fix(title: "Remove the line", applicability: .unsafe,
                              edits: [.delete(LineSpans.lines(line, line, in: source))])
                context.report("pasted from arXiv's abstract page: not part of the entry", at: ByteRange(start, content.end), fix: fix)
            }
            for field in entry.fields where field.origin == .line {
                guard let tooltip = Self.tooltip(in: field.rawValueRange, source: source) else { continue }
                var removal = tooltip
                while removal.start > field.valueRange.end && [0x20, 0x09].contains(source.bytes[removal.start - 1]) { removal.start -= 1 }
                let fix = Fix(title: "Remove `\(ArxivFurniture.tooltip)`", applicability: .unsafe, edits: [.delete(removal)])
                context.report("`\(ArxivFurniture.tooltip)` is the abstract page's tooltip, pasted onto the value", at: tooltip, fix: fix)
            }
        }
    }

    /// Where the tooltip text sits in a value, if it does.
    static func tooltip(in range: ByteRange, source: SourceText) -> ByteRange? {
        let needle = Array(ArxivFurniture.tooltip.utf8)
        let bytes = source.bytes
        guard range.length >= needle.count else { return nil }
        for start in range.start...(range.end - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return ByteRange(start, start + needle.count) }
        }
        return nil
    }
}
