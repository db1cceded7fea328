import NoteSyntax

struct FrontMatterYAML: Rule {
    static let description = RuleDescription(
        id: "front-matter-yaml",
        summary: "front matter that is not valid YAML, or is not closed",
        rationale: """
            Static site generators and note apps read the front matter as YAML; when it does not parse, \
            the whole note's metadata is lost, often silently. The finding points at the line and column \
            where the YAML parser gave up. A Logseq page's properties (`authors: [[Ada]], [[Alan]]`: one \
            `key: value` line each, with unquoted wikilinks) are not YAML, but Logseq reads them: such a block \
            is read line by line, as Logseq does, and not reported.
            """,
        defaultSeverity: .error,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "---\ntitle: RoFormer\ntags: [nlp, attention]\n---\n\nText.\n",
                "No front matter at all.\n",
                "---\ntitle: RTM3D\nauthors: [[Ada Lovelace]], [[Alan Turing]]\ntags: paper, [[mono3D]], #zotero\n---\n",
            ],
            triggering: [
                "↓---\ntitle: never closed\n\nText.\n",
                "---\ntitle: one\n↓title\n---\n",
                "---\ntitle: [[Ada]]↓, [[Alan]]\n  - nested\n---\n",
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        guard let frontMatter = context.note.frontMatter, let problem = frontMatter.problem else { return }
        let source = context.source
        let line = source.lineIndex.line(containing: problem.offset)
        let lineEnd = source.lineContent(line).end
        let range = problem.offset < lineEnd ? ByteRange(problem.offset, lineEnd) : .empty(at: problem.offset)
        let message =
            frontMatter.isClosed ? "invalid YAML in front matter: \(quoted: problem.message)" : QuotedText.clipped(problem.message)
        context.report(message, at: range)
    }
}
