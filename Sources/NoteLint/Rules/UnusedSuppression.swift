import NoteSyntax

/// Its findings come from the linter itself (`SuppressionAudit`), which alone knows which
/// suppression silenced which finding; `check` has nothing to do.
struct UnusedSuppression: Rule {
    static let description = RuleDescription(
        id: "unused-suppression",
        summary: "a suppression comment that suppresses nothing, or names an unknown rule",
        rationale: """
            A suppression outlives the problem it silenced: the note gets fixed, the comment stays, \
            and later hides a new finding no one has seen. A rule name that does not exist (a typo, \
            a renamed rule) suppresses nothing at all. The fix removes the comment, or the names in \
            it that do nothing; suppressions in front matter are reported without a fix.
            """,
        defaultSeverity: .warning,
        fix: .safe,
        fixNote: """
            Safe: the comment, or the name removed from it, silences nothing, and a comment is \
            never rendered; findings and the rendered note stay the same.
            """,
        examples: RuleExamples(
            nonTriggering: [
                "<!-- notelint-disable-next-line entry-blank -->\nTitle:\nLink:\n",
                "<!-- notelint-disable-file entry-blank -->\n\nTitle:\nLink:\n",
            ],
            triggering: [
                "↓<!-- notelint-disable-next-line entry-blank -->\nTitle: A\nLink: https://example.org\nDate: 2020\n",
                "<!-- notelint-disable-next-line entry-blank ↓entry-blnk -->\nTitle:\nLink:\n",
                "---\ntitle: A\nnotelint: {disable: [↓footnote-unused]}\n---\n",
            ],
            corrections: [
                .init(
                    "Intro.\n\n<!-- notelint-disable-next-line footnote-unused -->\nTitle: A\nLink: https://example.org\nDate: 2020\n",
                    "Intro.\n\nTitle: A\nLink: https://example.org\nDate: 2020\n"),
                .init(
                    "<!-- notelint-disable-next-line entry-blank, entry-blnk -->\nTitle:\nLink:\n",
                    "<!-- notelint-disable-next-line entry-blank -->\nTitle:\nLink:\n"),
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {}
}
