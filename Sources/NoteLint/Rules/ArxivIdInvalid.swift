import ArxivKit
import NoteSyntax

struct ArxivIdInvalid: Rule {
    static let scope = RuleScope.lines

    static let description = RuleDescription(
        id: "arxiv-id-invalid",
        summary: "an arXiv link, `arXiv:` reference or arXiv DOI whose identifier cannot exist",
        rationale: """
            New-style identifiers are `YYMM.NNNN` from April 2007 (0704) to December 2014 and \
            `YYMM.NNNNN` from January 2015 (1501); the month is 01 to 12 and never after the current \
            one. Old-style identifiers are `archive/YYMMNNN` (or `archive.SUBJECT/YYMMNNN`), from \
            August 1991 to March 2007. Anything else is a typo that no one can follow. Links and \
            `arXiv:` citations anywhere in the note's text are checked too (an awesome-list's bullets), \
            but not in code; a placeholder written with letters (`YYMM.NNNNN`) is a template's, and is \
            left alone.
            """,
        defaultSeverity: .error,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\n",
                "Title: A\nLink: https://arxiv.org/abs/0704.0001\n",
                "Title: A\nLink: arXiv:math.GT/0309136\n",
                "- [A template](https://arxiv.org/abs/YYMM.NNNNN)\n",
                "Links look like `https://arxiv.org/abs/2113.09864`.\n",
            ],
            triggering: [
                "Title: A\nLink: ↓https://arxiv.org/abs/2113.09864\n",
                "Title: A\nLink: ↓https://arxiv.org/abs/0612.0001\n",
                "Title: A\nLink: ↓arXiv:1601.0001\n",
                "Title: A\nLink: ↓https://arxiv.org/abs/1401.00001\n",
                "Title: A\nLink: ↓https://doi.org/10.48550/arXiv.9912.00001\n",
                "Title: A\nLink: ↓https://arxiv.org/abs/hep-th/99010\n",
                "- [Inception-v4](https://arxiv.org/abs/↓1602.0726)\n",
                "- CSVideoNet (arXiv:↓162.05203).\n",
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        var checked: [ByteRange] = []
        for facts in context.entries {
            // The Link's range only, until there is a problem: binding the `Field?` copies the field.
            guard let range = facts.link?.range else { continue }
            checked.append(range)
            // `abs/2402.05https://...`: two addresses glued, which link-invalid reports.
            guard let problem = facts.arxivProblem, let link = facts.link, LinkInvalid.gluedAddress(inLink: link.value) == nil else {
                continue
            }
            context.report("invalid arXiv identifier: \(quoted: problem)", at: link.valueRange)
        }
        // Links and citations outside the records' link fields (checked above): an awesome-list's
        // bullets.
        checked.sort { $0.start < $1.start }
        for reference in ProseArxivReferences.all(in: context.note, lines: context.lines, skipping: checked) {
            guard
                let problem = ArxivIdentifier.problem(
                    in: reference.raw, currentYear: context.today.year, currentMonth: context.today.month)
            else { continue }
            context.report("invalid arXiv identifier: \(quoted: problem)", at: reference.range)
        }
    }
}
