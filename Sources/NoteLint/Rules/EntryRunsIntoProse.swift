import NoteSyntax

struct EntryRunsIntoProse: Rule {
    static let scope = RuleScope.lines

    static let description = RuleDescription(
        id: "entry-runs-into-prose",
        summary: "an entry's fields run straight into prose, with no blank line between them",
        rationale: """
            Markdown joins lines that no blank line separates into one paragraph: the fields and the \
            prose after them render as one run of text (`Date: 2021 This paper shows ...`), and tools that \
            read entries cannot tell where the entry ends. A blank line after the last field keeps the \
            entry an entry and the prose a paragraph. In a list item, fields followed by text are the \
            item's description and are not reported.
            """,
        defaultSeverity: .warning,
        fix: .safe,
        fixNote: """
            Safe: it inserts one blank line (keeping a block quote's `>`) before the prose; no text changes.
            """,
        examples: RuleExamples(
            nonTriggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n\nThe paper rotates the queries.\n",
                "- Title: RoFormer\n  Link: https://arxiv.org/abs/2104.09864\n  The paper rotates the queries.\n",
                "Note: this line of prose has a colon.\nSo does the next one: it is prose.\n",
            ],
            triggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n↓The paper rotates the queries.\n",
                "> Title: RoFormer\n> Link: https://arxiv.org/abs/2104.09864\n> ↓Worth a second read.\n",
            ],
            corrections: [
                .init(
                    "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nThe paper rotates the queries.\n",
                    "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\n\nThe paper rotates the queries.\n"),
                .init(
                    "> Title: RoFormer\n> Link: https://arxiv.org/abs/2104.09864\n> Worth a second read.\n",
                    "> Title: RoFormer\n> Link: https://arxiv.org/abs/2104.09864\n>\n> Worth a second read.\n"),
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        let source = context.source
        for entry in context.entries.lazy.map(\.entry) {
            guard let line = entry.proseLine else { continue }
            let content = source.lineContent(line)
            // The block quote markers the prose line starts with, for the blank line to keep.
            var textStart = content.start
            while textStart < content.end, [0x20, 0x09, UInt8(ascii: ">")].contains(source.bytes[textStart]) { textStart += 1 }
            var prefixEnd = textStart
            while prefixEnd > content.start, [0x20, 0x09].contains(source.bytes[prefixEnd - 1]) { prefixEnd -= 1 }
            let prefix = source.string(ByteRange(content.start, prefixEnd))
            let fix = Fix(
                title: "Insert a blank line before the prose", applicability: .safe,
                edits: [.insert(prefix + "\n", at: content.start)])
            context.report(
                "the entry runs into this prose with no blank line: Markdown joins them into one paragraph",
                at: ByteRange(textStart, content.end), fix: fix)
        }
    }
}
