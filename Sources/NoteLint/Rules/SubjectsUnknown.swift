import ArxivKit
import NoteSyntax

struct SubjectsUnknown: Rule {
    static let scope = RuleScope.lines

    static let description = RuleDescription(
        id: "subjects-unknown",
        summary: "a Subjects category code that arXiv never defined",
        rationale: """
            Category codes are how arXiv files papers (`cs.CL`, `astro-ph.HE`); a code it never \
            defined is a typo, and it breaks filtering by subject. Retired codes (`cmp-lg`) and \
            aliases (`math.MP`) are known codes. A list in which no code is an arXiv category, \
            starts with an arXiv archive or follows a name in parentheses (`categories: article` in a Jekyll post about a paper, \
            `Subjects: ecology`) is the author's own topics, not arXiv's: it is left alone.
            """,
        defaultSeverity: .warning,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nSubjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI)\n",
                "Title: A\nSubjects: Computation and Language (cmp-lg)\n",
                "---\ntitle: A\nlink: https://doi.org/10.1101/458737\ncategories: article\n---\n",
            ],
            triggering: [
                "Title: A\nSubjects: Computation and Language (↓cs.CLL); Artificial Intelligence (cs.AI)\n",
                "Title: A\nSubjects: cs.CL, ↓cs.XY\n",
            ]
        )
    )

    init(options: RuleOptions) throws {}

    /// Every code, for suggestions: made once, not for every note.
    private static let codes = ArxivTaxonomy.categories.map(\.id)

    func check(_ context: inout LintContext) {
        for facts in context.entries {
            // By index: `for item in` and `contains(where:)` copy every item.
            guard let items = facts.subjectList?.items, let valueStart = facts.subjects?.valueRange.start,
                items.indices.contains(where: { items[$0].name != nil || items[$0].isKnown || Self.isArxivLike(items[$0].code) })
            else {
                continue
            }
            for index in items.indices where !items[index].isKnown {
                let item = items[index]
                var message = "`\(quoted: item.code)` is not an arXiv category"
                if let near = closestMatch(to: item.code, in: Self.codes, maximumDistance: 2) { message += "; did you mean `\(near)`?" }
                context.report(message, at: item.codeRange.shifted(by: valueStart))
            }
        }
    }

    /// A known code, or an arXiv archive before a dot (`cs.XY`): a list with one (or with an item
    /// written the way arXiv writes them, `Name (code)`) is arXiv's.
    static func isArxivLike(_ code: String) -> Bool {
        if ArxivTaxonomy.isKnown(code) { return true }
        guard let dot = code.firstIndex(of: ".") else { return false }
        return ArxivTaxonomy.archives.contains(code[..<dot].lowercased())
    }
}
