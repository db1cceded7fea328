import ArxivKit
import NoteSyntax

struct ArxivNotFound: Rule {
    /// Each finding reads its entry and arXiv's answer for it: an edit checks its entries, a
    /// new answer the whole note.
    static let scope = RuleScope.lines
    static let entryDependence: EntryDependence? = [.arxiv]
    static let description = RuleDescription(
        id: "arxiv-not-found",
        summary: "a Link to an arXiv identifier that arXiv says does not exist",
        rationale: """
            An identifier can have a valid shape and still name no paper: a digit mistyped, a \
            number not yet reached. This rule reports what arXiv itself answered, as kept in the \
            local cache for a day; without a cached answer it says nothing. The examples assume \
            the cache holds arXiv's answer that 2301.99999 does not exist.
            """,
        defaultSeverity: .error,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\n",
                "Title: A\nLink: https://arxiv.org/abs/2301.00001\n",
            ],
            triggering: [
                "Title: A\nLink: ↓https://arxiv.org/abs/2301.99999\n"
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for answer in context.arxivAnswers() where answer.lookup == .notFound {
            guard let link = answer.facts.link else { continue }
            context.report("arXiv has no paper \(answer.identifier)", at: link.valueRange)
        }
    }
}
