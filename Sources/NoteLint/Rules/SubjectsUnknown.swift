import ArxivKit
import NoteSyntax

struct SubjectsUnknown: Rule {
    static let description = RuleDescription(
        id: "subjects-unknown",
        summary: "a Subjects category code that arXiv never defined",
        rationale: """
            Category codes are how arXiv files papers (`cs.CL`, `astro-ph.HE`); a code it never \
            defined is a typo, and it breaks filtering by subject. Retired codes (`cmp-lg`) and \
            aliases (`math.MP`) are known codes.
            """,
        defaultSeverity: .warning,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nSubjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI)\n",
                "Title: A\nSubjects: Computation and Language (cmp-lg)\n",
            ],
            triggering: [
                "Title: A\nSubjects: Computation and Language (↓cs.CLL); Artificial Intelligence (cs.AI)\n",
                "Title: A\nSubjects: cs.CL, ↓cs.XY\n",
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        let codes = ArxivTaxonomy.categories.map(\.id)
        for facts in context.entries {
            guard let list = facts.subjectList else { continue }
            for item in list.items where !ArxivTaxonomy.isKnown(item.code) {
                var message = "`\(quoted: item.code)` is not an arXiv category"
                if let near = closestMatch(to: item.code, in: codes, maximumDistance: 2) { message += "; did you mean `\(near)`?" }
                context.report(message, at: item.codeRange)
            }
        }
    }
}
