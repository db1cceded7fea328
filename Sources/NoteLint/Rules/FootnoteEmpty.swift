import NoteSyntax

struct FootnoteEmpty: Rule {
    static let description = RuleDescription(
        id: "footnote-empty",
        summary: "a footnote definition with no text",
        rationale: "An empty footnote renders as a number that leads nowhere.",
        defaultSeverity: .warning,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "A.[^a]\n\n[^a]: https://arxiv.org/abs/2104.09864\n"
            ],
            triggering: [
                "A.[^a]\n\n↓[^a]:\n"
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for definition in context.note.footnotes.definitions where definition.isEmpty {
            context.report("footnote `[^\(quoted: definition.label)]` has no text", at: definition.markerRange)
        }
    }
}
