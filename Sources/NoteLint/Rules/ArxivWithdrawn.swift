import ArxivKit
import NoteSyntax

struct ArxivWithdrawn: Rule {
    /// Each finding reads its entry and arXiv's answer for it: an edit checks its entries, a
    /// new answer the whole note.
    static let scope = RuleScope.lines
    static let entryDependence: EntryDependence? = [.arxiv]
    static let description = RuleDescription(
        id: "arxiv-withdrawn",
        summary: "a Link to an arXiv paper whose latest version withdraws it",
        rationale: """
            Authors withdraw a paper by posting a last version that says so (arXiv keeps the \
            earlier versions readable): a reading list that still cites it should know. The \
            metadata comes from the local arXiv index (`notelint arxiv import`) or the cache of \
            the API's answers; a paper is withdrawn when its latest version's comments say \
            "withdrawn" or its abstract is arXiv's notice that it "has been withdrawn". A Link \
            to one version (`2301.00002v1`) cites that version on purpose and is left alone. \
            The examples assume the metadata says 2301.00002 was withdrawn in its latest version.
            """,
        defaultSeverity: .warning,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\n",
                "Title: A\nLink: https://arxiv.org/abs/2301.00002v1\n",
            ],
            triggering: [
                "Title: A\nLink: ↓https://arxiv.org/abs/2301.00002\n"
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for answer in context.arxivAnswers() where answer.identifier.version == nil {
            guard let metadata = answer.metadata, metadata.isWithdrawn, let link = answer.facts.link else { continue }
            var message = "arXiv's latest version of \(answer.identifier) withdraws the paper"
            if let comment = metadata.comment?.collapsingWhitespace(), !comment.isEmpty {
                message += ": `\(quoted: comment.count > 120 ? String(comment.prefix(119)) + "…" : comment)`"
            }
            context.report(message, at: link.valueRange)
        }
    }
}
