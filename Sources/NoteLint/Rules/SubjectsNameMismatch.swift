import ArxivKit
import NoteSyntax

struct SubjectsNameMismatch: Rule {
    static let scope = RuleScope.lines

    static let description = RuleDescription(
        id: "subjects-name-mismatch",
        summary: "`Name (code)` whose name is not that code's name",
        rationale: """
            A name and a code that disagree leave the reader guessing which one is right. Names \
            are not unique (`cs.LG` and `stat.ML` are both Machine Learning), so each pair is \
            checked as a pair.
            """,
        defaultSeverity: .warning,
        fix: .unsafe,
        fixNote: """
            Unsafe: the fix trusts the code and writes arXiv's name for it, but the name may be the \
            part you meant and the code the typo; either way the subject the note names changes.
            """,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nSubjects: Machine Learning (cs.LG); Machine Learning (stat.ML)\n",
                "Title: A\nSubjects: computation and language (cs.CL)\n",
            ],
            triggering: [
                "Title: A\nSubjects: ↓Machine Learning (cs.CL); Artificial Intelligence (cs.AI)\n"
            ],
            corrections: [
                .init(
                    "Title: A\nSubjects: Computer Vision (cs.CV)\n", "Title: A\nSubjects: Computer Vision and Pattern Recognition (cs.CV)\n"
                )
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for facts in context.entries {
            guard let list = facts.subjectList, let valueStart = facts.subjects?.valueRange.start else { continue }
            for item in list.items {
                guard item.nameContradictsCode, let name = item.name, let nameRange = item.nameRange?.shifted(by: valueStart),
                    let category = item.category
                else { continue }
                let fix = Fix(
                    title: "Write `\(category.name)`", applicability: .unsafe,
                    edits: [TextEdit(range: nameRange, newText: category.name)])
                context.report("`\(category.id)` is \(category.name), not \(quoted: collapse(name))", at: nameRange, fix: fix)
            }
        }
    }
}
