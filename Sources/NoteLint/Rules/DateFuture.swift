import NoteSyntax

struct DateFuture: Rule {
    static let scope = RuleScope.lines

    static let description = RuleDescription(
        id: "date-future",
        summary: "a Date after today",
        rationale: """
            A paper cannot be dated in the future: a future date is a typo (`2102` for `2021`) or \
            a placeholder. A year or a month counts as future only when all of it is after today, and \
            a year alone only when it is after next year: a venue's year (`AAAI 2027`) is known a year \
            ahead.
            """,
        defaultSeverity: .warning,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nDate: 20 Apr 2021\n",
                "Title: A\nDate: 1977\n",
            ],
            triggering: [
                "Title: A\nDate: ↓20 Apr 2999\n",
                "Title: A\nDate: ↓3021\n",
            ]
        )
    )

    init(options: RuleOptions) throws {}

    /// Whether this rule reports `date`: other date rules leave such a date to it, so one wrong
    /// date is one finding.
    static func isFuture(_ date: NoteDate, today: CalendarDay) -> Bool {
        date.isAfter(today) && !(date.month == nil && date.year == today.year + 1)
    }

    func check(_ context: inout LintContext) {
        for facts in context.entries {
            guard let field = facts.date, let date = facts.validDate, Self.isFuture(date, today: context.today) else { continue }
            context.report("date `\(quoted: field.value)` is in the future", at: field.valueRange)
        }
    }
}
