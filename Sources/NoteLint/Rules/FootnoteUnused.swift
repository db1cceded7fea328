import NoteSyntax

struct FootnoteUnused: Rule {
    static let footnoteDependence: FootnoteDependence? = []
    static let description = RuleDescription(
        id: "footnote-unused",
        summary: "a footnote definition that nothing references",
        rationale: """
            An unreferenced definition is dropped by the renderer: the text is in the file but never \
            shown. Either reference it or remove it. A reference on a line that CommonMark reads as raw \
            HTML (the line after `<h2>...</h2>`) still counts: kramdown, Jekyll's renderer, reads it as Markdown.
            """,
        defaultSeverity: .warning,
        fix: .unsafe,
        fixNote: """
            Unsafe: removing the definition deletes its text, and the reference may be what went \
            missing. A label defined more than once gets no fix: removing every copy would lose all \
            of them, and which one to keep is for you to decide (`footnote-duplicate` points at the \
            second).
            """,
        examples: RuleExamples(
            nonTriggering: [
                "<h2>Results</h2>\nTransfer learning[^a] helps.\n\n[^a]: Kramdown reads the line above as Markdown.\n",
                "Text.[^a]\n\n[^a]: Used.\n",
            ],
            triggering: [
                "Text.[^a]\n\n[^a]: Used.\n↓[^b]: Never used.\n",
                "Text.\n\n↓[^b]: One text.\n↓[^b]: Another text.\n",
            ],
            corrections: [
                .init("Text.[^a]\n\n[^a]: Used.\n[^b]: Never used.\n    Still b.\n", "Text.[^a]\n\n[^a]: Used.\n")
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        let footnotes = context.note.footnotes
        guard !footnotes.definitions.isEmpty else { return }
        let used = FootnoteUse.usedKeys(in: context.note)
        let unused = footnotes.definitions.indices.filter { !used.contains(footnotes.definitions[$0].key) }
        guard !unused.isEmpty else { return }
        var definitionCounts: [String: Int] = [:]
        for definition in footnotes.definitions { definitionCounts[definition.key, default: 0] += 1 }
        for definition in unused.map({ footnotes.definitions[$0] }) {
            let definedOnce = definitionCounts[definition.key] == 1
            let fix = definedOnce ? removal(of: definition, in: context.source) : nil
            context.report(
                "footnote `[^\(quoted: definition.label)]` is defined but never referenced", at: definition.markerRange,
                fix: fix, tags: [.unnecessary])
        }
    }

    private func removal(of definition: FootnoteDefinition, in source: SourceText) -> Fix {
        let lines = LineSpans.lines(definition.lines.lowerBound, definition.lines.upperBound, in: source)
        return Fix(title: "Remove the definition of `[^\(quoted: definition.label)]`", applicability: .unsafe, edits: [.delete(lines)])
    }
}
