import NoteSyntax

struct FootnoteUnused: Rule {
    static let description = RuleDescription(
        id: "footnote-unused",
        summary: "a footnote definition that nothing references",
        rationale: """
            An unreferenced definition is dropped by the renderer: the text is in the file but never \
            shown. Either reference it or remove it; removal is unsafe, since the reference may be what \
            went missing.
            """,
        defaultSeverity: .warning,
        fix: .unsafe,
        examples: RuleExamples(
            nonTriggering: [
                "Text.[^a]\n\n[^a]: Used.\n",
            ],
            triggering: [
                "Text.[^a]\n\n[^a]: Used.\n↓[^b]: Never used.\n",
            ],
            corrections: [
                .init("Text.[^a]\n\n[^a]: Used.\n[^b]: Never used.\n    Still b.\n", "Text.[^a]\n\n[^a]: Used.\n"),
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        let footnotes = context.note.footnotes
        let used = Set(footnotes.references.map(\.key))
        for definition in footnotes.definitions where !used.contains(definition.key) {
            let lines = LineSpans.lines(definition.lines.lowerBound, definition.lines.upperBound, in: context.source)
            let fix = Fix(title: "Remove the definition of `[^\(quoted: definition.label)]`", applicability: .unsafe, edits: [.delete(lines)])
            context.report("footnote `[^\(quoted: definition.label)]` is defined but never referenced", at: definition.markerRange,
                           fix: fix, tags: [.unnecessary])
        }
    }
}
