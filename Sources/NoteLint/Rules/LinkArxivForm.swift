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
            easy to spot. An `abs/` link ending in `.pdf` is broken: arXiv has no such page. The fix \
            keeps any version you wrote.
            """,
        defaultSeverity: .info,
        fix: .unsafe,
        fixNote: """
            Safe only where the new link is the same page: `http:` becomes `https:`, or the scheme \
            and host are written in lower case, on `arxiv.org/abs/`. Every other rewrite is unsafe, \
            because it changes where the link points: a PDF link may be there on purpose, the \
            `www.` and `export.` hosts, a DOI, `arXiv:ID`, a query, a fragment or a trailing slash \
            are other addresses, and a broken `abs/ID.pdf` link may have been meant for the PDF.
            """,
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
                "Title: A\nLink: ↓http://arxiv.org/abs/2104.09864\n",
                "Title: A\nLink: ↓https://arxiv.org/abs/2104.09864.pdf\n",
            ],
            corrections: [
                .init("Title: A\nLink: https://arxiv.org/pdf/2104.09864v2\n", "Title: A\nLink: https://arxiv.org/abs/2104.09864v2\n"),
                .init("Title: A\nLink: https://doi.org/10.48550/arXiv.2104.09864\n", "Title: A\nLink: https://arxiv.org/abs/2104.09864\n"),
                .init("Title: A\nLink: http://arxiv.org/abs/2104.09864v2\n", "Title: A\nLink: https://arxiv.org/abs/2104.09864v2\n"),
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for facts in context.entries {
            guard let link = facts.link, let reference = facts.arxiv, !reference.isCanonical, facts.validArxivIdentifier != nil,
                let canonical = reference.canonicalLink
            else { continue }
            let fix = Fix(
                title: "Write `\(canonical)`", applicability: applicability(of: reference.form),
                edits: [TextEdit(range: link.valueRange, newText: canonical)])
            let message =
                reference.form == .abstractPageWithPDFSuffix
                ? "broken arXiv link: an abstract page has no `.pdf`; the abstract page is `\(canonical)`"
                : "arXiv link not in the canonical form `\(canonical)`"
            context.report(message, at: link.valueRange, fix: fix)
        }
    }

    /// Safe only when the canonical link is provably the same page as the one written.
    private func applicability(of form: ArxivReference.Form) -> Applicability {
        form == .abstractPageRespelled ? .safe : .unsafe
    }
}
