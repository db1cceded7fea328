import ArxivKit
import NoteSyntax

struct SubjectsNameMismatch: Rule {
    static let description = RuleDescription(
        id: "subjects-name-mismatch",
        summary: "`Name (code)` whose name is not that code's name",
        rationale: """
            A name and a code that disagree leave the reader guessing which one is right. Names \
            are not unique (`cs.LG` and `stat.ML` are both Machine Learning), so each pair is \
            checked as a pair: the code decides, and the fix puts arXiv's name for it.
            """,
        defaultSeverity: .warning,
        fix: .safe,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nSubjects: Machine Learning (cs.LG); Machine Learning (stat.ML)\n",
                "Title: A\nSubjects: computation and language (cs.CL)\n",
            ],
            triggering: [
                "Title: A\nSubjects: ↓Machine Learning (cs.CL); Artificial Intelligence (cs.AI)\n",
            ],
            corrections: [
                .init("Title: A\nSubjects: Computer Vision (cs.CV)\n", "Title: A\nSubjects: Computer Vision and Pattern Recognition (cs.CV)\n"),
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for facts in context.entries {
            guard let list = facts.subjectList else { continue }
            for item in list.items {
                guard let name = item.name, let nameRange = item.nameRange, let category = ArxivTaxonomy.category(item.code),
                      name != category.name, collapse(name).lowercased() != category.name.lowercased() else { continue }
                let fix = Fix(title: "Write `\(category.name)`", applicability: .safe,
                              edits: [TextEdit(range: nameRange, newText: category.name)])
                context.report("`\(category.id)` is \(category.name), not \(quoted: collapse(name))", at: nameRange, fix: fix)
            }
        }
    }
}
