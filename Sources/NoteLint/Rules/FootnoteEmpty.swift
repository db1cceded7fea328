import NoteSyntax

struct FootnoteEmpty: Rule {
    static let description = RuleDescription(
        id: "footnote-empty",
        summary: "a footnote definition with no text",
        rationale: """
            An empty footnote renders as a number that leads nowhere. An empty definition that nothing \
            references is `footnote-unused`'s alone: one finding for one stub.
            """,
        defaultSeverity: .warning,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "A.[^a]\n\n[^a]: https://arxiv.org/abs/2104.09864\n",
                "Nothing refers to it.\n\n[^a]:\n",
            ],
            triggering: [
                "A.[^a]\n\n↓[^a]:\n"
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        let definitions = context.note.footnotes.definitions
        guard definitions.contains(where: \.isEmpty) else { return }
        let used = FootnoteUse.usedKeys(in: context.note)
        for definition in definitions where definition.isEmpty && used.contains(definition.key) {
            context.report("footnote `[^\(quoted: definition.label)]` has no text", at: definition.markerRange)
        }
    }
}
