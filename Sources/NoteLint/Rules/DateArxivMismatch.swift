import ArxivKit
import NoteSyntax

struct DateArxivMismatch: Rule {
    static let entryDependence: EntryDependence? = [.arxiv]
    static let description = RuleDescription(
        id: "date-arxiv-mismatch",
        summary: "a Date that contradicts the month encoded in the entry's arXiv identifier",
        rationale: """
            A new-style arXiv identifier starts with the year and month it was assigned: \
            `1604.01356` was submitted in April 2016. A date more than a month before that is \
            impossible; a date in a later month is usually a revision's date, not the paper's \
            (arXiv's abstract page shows the latest version's date), so a later day is reported; a \
            later month or year alone (a list's `2024-03` column) is most often when the paper \
            appeared at a venue or in a journal, and is not. The message names the month \
            the identifier implies. Without arXiv's metadata, a later Date is reported only in a note \
            whose other Dates agree with their identifiers: in a log of papers read or discussed, the \
            Date is that day's, not the paper's; and where more than two Dates are later, the note's \
            Dates are its updates' (a generated digest that shows each paper's latest version): one \
            info finding says so, at the first of them. When the local arXiv cache holds the paper (`notelint fill`, \
            `notelint check --online`), the Date is checked against the exact v1 date instead, for \
            old-style identifiers too; the examples assume it holds 1604.01356, submitted 5 Apr 2016. A Date after today is \
            left to `date-future`: one wrong date, one finding.
            """,
        defaultSeverity: .warning,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n",
                "Title: A\nLink: https://arxiv.org/abs/2101.00001\nDate: 31 Dec 2020\n",
                "Title: A\nLink: https://arxiv.org/abs/1604.01356\nDate: 2016\n",
                "Title: A\nLink: https://arxiv.org/abs/hep-th/9901001\nDate: 2005\n",
                "Title: A\nLink: https://arxiv.org/abs/1604.01356\nDate: 5 Apr 2016\n",
                "Title: A\nLink: https://arxiv.org/abs/2312.02918\nDate: 2024-03\n",
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2999\n",
            ],
            triggering: [
                "Title: A Roadmap to Interstellar Flight\nLink: https://arxiv.org/abs/1604.01356\nDate: ↓31 Oct 2016\n",
                "Title: A\nLink: arXiv:2104.09864\nDate: ↓Jan 2021\n",
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\nDate: ↓2019\n",
                "Title: A\nLink: https://arxiv.org/abs/1604.01356\nDate: ↓12 Apr 2016\n",
            ]
        )
    )

    init(options: RuleOptions) throws {}

    /// More later Dates than this in one note are its convention, not slips.
    static let slipsAtMost = 2

    /// Old-style identifiers carry no month the rule trusts; a cached paper gives one.
    func check(_ context: inout LintContext) {
        // Read once: each read of the existential copies it.
        let arxiv = context.arxiv
        let today = context.today
        let entries = context.entries
        // The entries whose Date is a later day than their identifier's month, with that month.
        var later: [(entry: Int, assigned: (year: Int, month: Int))] = []
        var agreeing = 0
        var compared = 0
        for index in entries.indices {
            let facts = entries[index]
            guard let written = facts.validDate, !DateFuture.isFuture(written, today: today) else { continue }
            // With arXiv's metadata, the Date is compared with the exact v1 date, for old-style
            // identifiers too.
            if arxiv != nil, let identifier = facts.validArxivIdentifier, case .found(let metadata)? = arxiv?.lookup(identifier) {
                if !ArxivComparison.dateAgrees(written, metadata), let range = facts.date?.valueRange {
                    let v1 = ArxivComparison.v1Date(metadata, style: .dayMonthYear)
                    context.report("arXiv's v1 of \(identifier.id) is dated \(v1): this Date is another day (a revision's?)", at: range)
                }
                continue
            }
            guard let assigned = facts.arxivMonth, let range = facts.date?.valueRange else { continue }
            let assignedIndex = assigned.year * 12 + assigned.month - 1
            let earliest: Int
            let latest: Int
            if let month = written.month {
                earliest = written.year * 12 + month - 1
                latest = earliest
            } else {
                earliest = written.year * 12
                latest = written.year * 12 + 11
            }
            compared += 1
            if latest < assignedIndex - 1 {
                context.report(
                    "dated more than a month before \(Self.implied(assigned)), when arXiv \(Self.id(of: facts)) was submitted", at: range)
            } else if earliest > assignedIndex && written.day != nil {
                // A later year or month alone (a list's `2024-03` column) is most often when the
                // paper appeared at a venue or in a journal, not a revision's date.
                later.append((index, assigned))
            } else {
                agreeing += 1
            }
        }
        // A Date later than the paper is a mistake only where the note's Dates are papers' dates:
        // where most of them agree with their identifiers. Elsewhere a Date says when the paper
        // was read or discussed.
        guard 2 * agreeing > compared, let first = later.first, let firstRange = entries[first.entry].date?.valueRange else { return }
        // A slip is rare. Many later Dates are the note's convention (a digest that shows each
        // paper's latest version): one note of it, not a finding per row.
        if later.count > Self.slipsAtMost {
            context.report(
                "\(later.count) Dates are later than the month of their arXiv identifier: this note's Dates seem to be updates' or revisions' dates, not the papers'",
                at: firstRange, severity: .info)
            return
        }
        for (index, assigned) in later {
            guard let range = entries[index].date?.valueRange else { continue }
            context.report(
                "dated later than \(Self.implied(assigned)), when arXiv \(Self.id(of: entries[index])) was submitted: a revision's date rather than the paper's?",
                at: range)
        }
    }

    /// The month an identifier implies, as messages name it (`April 2021`).
    private static func implied(_ assigned: (year: Int, month: Int)) -> String {
        "\(ArxivIdentifier.monthName(assigned.month)) \(assigned.year)"
    }

    private static func id(of facts: EntryFacts) -> String { facts.validArxivIdentifier?.id ?? "" }
}
