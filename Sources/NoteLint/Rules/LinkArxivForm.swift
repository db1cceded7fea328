import ArxivKit
import NoteSyntax

struct LinkArxivForm: Rule {
    static let description = RuleDescription(
        id: "link-arxiv-form",
        summary: "an arXiv link not in the form https://arxiv.org/abs/ID",
        rationale: """
            The abstract page is the stable way to cite an arXiv paper: it shows every version and \
            links the PDF. PDF links (with or without `.pdf`), `http:`, the `export.` and `www.` \
            hosts, `arXiv:ID` and arXiv's DOI all name the same paper; one form makes duplicates \
            easy to spot. The fix keeps any version you wrote.
            """,
        defaultSeverity: .info,
        fix: .safe,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\n",
                "Title: A\nLink: https://arxiv.org/abs/2106.04570v1\n",
                "Title: A\nLink: https://example.org/2104.09864.pdf\n",
            ],
            triggering: [
                "Title: A\nLink: ↓https://arxiv.org/pdf/2104.09864v2.pdf\n",
                "Title: A\nLink: ↓arXiv:2104.09864\n",
                "Title: A\nLink: ↓http://export.arxiv.org/abs/hep-th/9901001\n",
            ],
            corrections: [
                .init("Title: A\nLink: https://arxiv.org/pdf/2104.09864v2\n", "Title: A\nLink: https://arxiv.org/abs/2104.09864v2\n"),
                .init("Title: A\nLink: https://doi.org/10.48550/arXiv.2104.09864\n", "Title: A\nLink: https://arxiv.org/abs/2104.09864\n"),
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for facts in context.entries {
            guard let link = facts.link, let reference = facts.arxiv, !reference.isCanonical, facts.arxivProblem == nil,
                  let canonical = reference.canonicalLink else { continue }
            let fix = Fix(title: "Write `\(canonical)`", applicability: .safe, edits: [TextEdit(range: link.valueRange, newText: canonical)])
            context.report("arXiv link not in the canonical form `\(canonical)`", at: link.valueRange, fix: fix)
        }
    }
}
