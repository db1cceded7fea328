import NoteSyntax

struct EntryHeadingTrap: Rule {
    static let scope = RuleScope.lines

    static let description = RuleDescription(
        id: "entry-heading-trap",
        summary: "an entry directly followed by `---` renders as a heading",
        rationale: """
            In Markdown, `---` right under a paragraph underlines it: the whole entry becomes one big \
            level-2 heading instead of an entry followed by a separator. A blank line before `---` \
            keeps the separator a separator.
            """,
        defaultSeverity: .warning,
        fix: .safe,
        fixNote: """
            Safe: it inserts one blank line before `---`, so the entry renders as the entry notelint \
            reads and the separator as a separator; no text changes.
            """,
        examples: RuleExamples(
            nonTriggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n\n---\n"
            ],
            triggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n↓---\n\nMore.\n"
            ],
            corrections: [
                .init(
                    "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 2021\n---\n",
                    "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 2021\n\n---\n")
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for entry in context.entries.lazy.map(\.entry) {
            guard let underline = entry.headingUnderlineLine else { continue }
            let lineRange = context.source.lineContent(underline)
            let fix = Fix(
                title: "Insert a blank line before `---`", applicability: .safe,
                edits: [.insert("\n", at: lineRange.start)])
            let start = lineRange.start + context.source.bytes[lineRange.start..<lineRange.end].prefix { $0 == 0x20 }.count
            context.report(
                "`---` directly below the entry turns it into a heading; put a blank line before it",
                at: ByteRange(start, lineRange.end), fix: fix)
        }
    }
}
