import ArxivKit
import NoteSyntax

struct ArxivSubjectsMismatch: Rule {
    /// Each finding reads its entry and arXiv's answer for it: an edit checks its entries, a
    /// new answer the whole note.
    static let scope = RuleScope.lines
    static let entryDependence: EntryDependence? = [.arxiv]
    static let description = RuleDescription(
        id: "arxiv-subjects-mismatch",
        summary: "Subjects that name other categories than arXiv lists for the linked paper",
        rationale: """
            arXiv lists a paper's primary category first and its cross-lists after it; a note's \
            Subjects copied from an old version, or from another paper, name others. The \
            categories are compared as codes (names are `subjects-name-mismatch`'s business), \
            and the primary one must come first. The metadata comes from the local cache; the \
            examples assume it holds arXiv's answer for 2104.09864 (cs.CL; cs.AI; cs.LG).
            """,
        defaultSeverity: .info,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\nSubjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI); Machine Learning (cs.LG)\n",
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\nSubjects: cs.CL, cs.LG, cs.AI\n",
            ],
            triggering: [
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\nSubjects: ↓Computation and Language (cs.CL); Artificial Intelligence (cs.AI)\n",
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\nSubjects: ↓Machine Learning (cs.LG); Computation and Language (cs.CL); Artificial Intelligence (cs.AI)\n",
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for answer in context.arxivAnswers() {
            guard let subjects = answer.facts.subjects, !subjects.isEmpty, let metadata = answer.metadata,
                !ArxivComparison.subjectsAgree(answer.facts, metadata)
            else { continue }
            let written = ArxivComparison.codes(answer.facts)
            var parts: [String] = []
            let missing = metadata.categories.filter { !written.contains($0) }
            let extra = written.filter { !metadata.categories.contains($0) }
            if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { parts.append("not listed there: \(quoted: extra.joined(separator: ", "))") }
            if parts.isEmpty { parts.append("the primary category, \(metadata.primaryCategory), comes first") }
            context.report(
                "arXiv lists \(answer.identifier) under \(quoted: metadata.categories.joined(separator: "; ")): \(parts.joined(separator: "; "))",
                at: subjects.valueRange)
        }
    }
}
