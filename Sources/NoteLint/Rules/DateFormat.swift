import NoteSyntax

struct DateFormat: Rule {
    static let description = RuleDescription(
        id: "date-format",
        summary: "a valid Date not written in the canonical style",
        rationale: """
            One style of date makes a reading list sortable and searchable. The default style is \
            arXiv's, `20 Apr 2021` (`Apr 2021` and `2021` for a month or a year); the `style` option \
            chooses `iso` instead (`2021-04-20`, `2021-04`, `2021`). The fix rewrites the date \
            without changing what it says.
            """,
        defaultSeverity: .info,
        fix: .safe,
        options: [RuleOption("style", "`d MMM yyyy` or `iso`", default: "\"d MMM yyyy\"", kind: .oneOf(NoteDate.Style.allCases.map(\.rawValue)))],
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nDate: 20 Apr 2021\n",
                "Title: A\nDate: Apr 2021\n",
                "Title: A\nDate: 1977\n",
                "Title: A\nDate: 31 Feb 2021\n",
            ],
            triggering: [
                "Title: A\nDate: ↓20 Apr. 2021\n",
                "Title: A\nDate: ↓2021-04-20\n",
                "Title: A\nDate: ↓Sept. 2020\n",
            ],
            corrections: [
                .init("Title: A\nDate: 20th April 2021\n", "Title: A\nDate: 20 Apr 2021\n"),
                .init("Title: A\nDate: April 20, 2021\n", "Title: A\nDate: 20 Apr 2021\n"),
            ]
        )
    )

    let style: NoteDate.Style

    init(options: RuleOptions) throws {
        let name = try options.string("style", default: NoteDate.Style.dayMonthYear.rawValue)
        guard let style = NoteDate.Style(rawValue: name) else {
            throw options.invalid("style", "expected `d MMM yyyy` or `iso`, not `\(name)`")
        }
        self.style = style
    }

    func check(_ context: inout LintContext) {
        for facts in context.entries {
            guard let field = facts.date, let date = facts.validDate else { continue }
            let canonical = date.rendered(style)
            guard canonical != field.value else { continue }
            let fix = Fix(title: "Write `\(canonical)`", applicability: .safe, edits: [TextEdit(range: field.valueRange, newText: canonical)])
            context.report("date `\(quoted: field.value)` is not in the canonical style: `\(canonical)`", at: field.valueRange, fix: fix)
        }
    }
}
