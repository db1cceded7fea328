import ArxivKit
import NoteSyntax

struct SubjectsFormat: Rule {
    static let scope = RuleScope.lines

    static let description = RuleDescription(
        id: "subjects-format",
        summary: "Subjects not written as `Name (code); Name (code)`",
        rationale: """
            arXiv writes subjects as `Computation and Language (cs.CL); Artificial Intelligence \
            (cs.AI)`, primary first; notes copied from arXiv already look like that, and one form \
            keeps them searchable. Bare codes, commas between items and codes in the wrong case are \
            rewritten by the fix when every code is known. Spacing around the value is \
            `field-whitespace`'s business.
            """,
        defaultSeverity: .info,
        fix: .unsafe,
        fixNote: """
            Safe when it only adds arXiv's names to bare codes, puts `; ` between items and writes \
            codes in arXiv's case: the categories named stay the same. Unsafe when an item's name is \
            another category's name than its code's (`subjects-name-mismatch`), since the rewrite \
            replaces that name with the code's and so takes the code's side.
            """,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nSubjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI)\n",
                "Title: A\nSubjects: Adaptation, Noise, and Self-Organizing Systems (adap-org)\n",
                "Title: A\nSubjects:\n",
            ],
            triggering: [
                "Title: A\nSubjects: ↓cs.CL; cs.AI\n",
                "Title: A\nSubjects: ↓Computation and Language (cs.CL), Artificial Intelligence (cs.AI)\n",
                "Title: A\nSubjects: ↓NLP stuff\n",
                "Title: A\nSubjects: ↓Machine Learning (cs.CL), Artificial Intelligence (cs.AI)\n",
            ],
            corrections: [
                .init(
                    "Title: A\nSubjects: cs.cl, CS.AI\n",
                    "Title: A\nSubjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI)\n")
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for facts in context.entries {
            guard let valueRange = facts.subjects?.valueRange, let list = facts.subjectList else { continue }
            // Most values were copied from arXiv and are exactly canonical: check that first, on
            // the value's range (binding the `Field?` copies the field).
            if list.isCanonical(valueRange, in: context.source) { continue }
            guard let field = facts.subjects else { continue }
            let canonical = list.hasStrayText ? nil : list.canonical()
            let wellFormed =
                !list.hasStrayText && !list.items.isEmpty && list.items.allSatisfy { $0.name != nil }
                && list.renderedAsWritten() == collapse(field.value)
            guard !wellFormed else { continue }
            if let canonical {
                let renamesAnItem = list.items.contains { $0.nameContradictsCode }
                let fix = Fix(
                    title: "Write `\(quoted: canonical)`", applicability: renamesAnItem ? .unsafe : .safe,
                    edits: [TextEdit(range: field.valueRange, newText: canonical)])
                context.report("subjects should read `\(quoted: canonical)`", at: field.valueRange, fix: fix)
            } else {
                context.report("subjects should read `Name (code); Name (code)`", at: field.valueRange)
            }
        }
    }
}
