import ArxivKit
import NoteSyntax

struct ArxivTitleMismatch: Rule {
    /// Each finding reads its entry and arXiv's answer for it: an edit checks its entries, a
    /// new answer the whole note.
    static let scope = RuleScope.lines
    static let entryDependence: EntryDependence? = [.arxiv]
    static let description = RuleDescription(
        id: "arxiv-title-mismatch",
        summary: "a Title that differs from the title arXiv gives the linked paper",
        rationale: """
            A title copied by hand drifts: a word dropped, a revision's new title, another \
            paper's title pasted under this Link. The Title is compared with arXiv's, ignoring \
            case, spacing, punctuation and TeX markup. The metadata comes from the local cache \
            (`notelint fill`, `notelint check --online` or the editor fill it); without a cached \
            answer the rule says nothing. The fix, a suggestion, writes arXiv's title. The \
            examples assume the cache holds arXiv's answer for 2104.09864 (RoFormer).
            """,
        defaultSeverity: .warning,
        fix: .suggestion,
        fixNote: """
            A suggestion, never applied for you: arXiv's title replaces yours, and yours may be the \
            right one (a later version's title, or this Link pasted under another paper's Title).
            """,
        examples: RuleExamples(
            nonTriggering: [
                "Title: RoFormer: Enhanced Transformer with Rotary Position Embedding\nLink: https://arxiv.org/abs/2104.09864\n",
                "Title: roformer - enhanced transformer with rotary position  embedding\nLink: arXiv:2104.09864\n",
                "Title: Anything\nLink: https://arxiv.org/abs/2107.01969\n",
            ],
            triggering: [
                "Title: ↓RoFormer: Enhanced Transformer with Rotary Embedding\nLink: https://arxiv.org/abs/2104.09864\n"
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for answer in context.arxivAnswers() {
            guard let title = answer.facts.title, !title.isEmpty, let metadata = answer.metadata,
                !ArxivComparison.titleAgrees(title.value, metadata)
            else { continue }
            let fix = Fix(
                title: "Write arXiv's title", applicability: .suggestion,
                edits: [TextEdit(range: title.valueRange, newText: metadata.title)])
            context.report("arXiv's title for \(answer.identifier) is `\(quoted: metadata.title)`", at: title.valueRange, fix: fix)
        }
    }
}
