import NoteSyntax

struct DateFormat: Rule {
    static let entryDependence: EntryDependence? = []

    static let description = RuleDescription(
        id: "date-format",
        summary: "a Date written in another style than the note's other dates",
        rationale: """
            One style of date makes a reading list sortable and searchable, and the note's own \
            convention is that style: a day is reported when it is written otherwise than most of \
            the note's days (`20 Apr 2021`, `20 Apr. 2021`, `20 April 2021`, `Apr 20, 2021`, \
            `April 20, 2021`, `2021-04-20` and `2021/04/20` are the styles it recognises). When no \
            style is used most, the `style` option decides: arXiv's `d MMM yyyy` (`20 Apr 2021`) \
            or `iso` (`2021-04-20`). A year (`2019`) or a month (`Apr 2021`) fits a note of any style. \
            A note whose days are mostly in one numeric style not among these (`2025-3-3`) keeps its own.
            """,
        defaultSeverity: .info,
        fix: .safe,
        fixNote: """
            Safe: the fix writes the same day in the note's style; what the date says does not \
            change.
            """,
        options: [
            RuleOption(
                "style", "the style when no style is used most: `d MMM yyyy` or `iso`", default: "\"d MMM yyyy\"",
                kind: .oneOf(NoteDate.Style.allCases.map(\.rawValue)))
        ],
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nDate: 20 Apr 2021\n\nTitle: B\nDate: 8 Jun 2021\n",
                "Title: A\nDate: 2021-04-20\n\nTitle: B\nDate: 2021-06-08\n\nTitle: C\nDate: Apr 2021\n\nTitle: D\nDate: 2019\n",
                "Title: A\nDate: April 20, 2021\n",
                "Title: A\nDate: 2025-3-3\n\nTitle: B\nDate: 2025-2-28\n",
                "Title: A\nDate: 31 Feb 2021\n\nTitle: B\nDate: 8 Jun 2021\n",
            ],
            triggering: [
                "Title: A\nDate: ↓20 Apr. 2021\n\nTitle: B\nDate: 8 Jun 2021\n\nTitle: C\nDate: 9 Jun 2021\n",
                "Title: A\nDate: 2021-04-20\n\nTitle: B\nDate: 2021-06-08\n\nTitle: C\nDate: ↓9 Jun 2021\n",
                "Title: A\nDate: ↓2021-04-20\n\nTitle: B\nDate: 8 Jun 2021\n",
            ],
            corrections: [
                .init(
                    "Title: A\nDate: 20th April 2021\n\nTitle: B\nDate: 8 Jun 2021\n",
                    "Title: A\nDate: 20 Apr 2021\n\nTitle: B\nDate: 8 Jun 2021\n"),
                .init(
                    "Title: A\nDate: 2021-04-20\n\nTitle: B\nDate: 2021-06-08\n\nTitle: C\nDate: June 9, 2021\n",
                    "Title: A\nDate: 2021-04-20\n\nTitle: B\nDate: 2021-06-08\n\nTitle: C\nDate: 2021-06-09\n"),
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
        // The entries whose Date names a day; `EntryFacts` is a class, so no field is copied.
        let days = context.entries.filter { $0.validDate?.day != nil }
        let writings = days.map { DayWriting.writings(of: $0.date!.value, for: $0.validDate!) }
        // Most Dates in one numeric style notelint has no name for (`2025-3-3`): that is the
        // note's style. (A month's name written otherwise, `20th Apr 2021`, is still rewritten.)
        var unnamedShapes: [String: Int] = [:]
        for (facts, ways) in zip(days, writings) where ways.isEmpty {
            let shape = Self.shape(of: facts.date!.value)
            if !shape.contains(ascii: "a") { unnamedShapes[shape, default: 0] += 1 }
        }
        if 2 * (unnamedShapes.values.max() ?? 0) > writings.count { return }
        let convention = DateConvention(writings: writings, otherwise: DayWriting(style))
        for (facts, ways) in zip(days, writings) where !ways.contains(convention.writing) {
            guard let field = facts.date, let written = convention.writing.write(facts.validDate!), written != field.value else { continue }
            let fix = Fix(title: "Write `\(written)`", applicability: .safe, edits: [TextEdit(range: field.valueRange, newText: written)])
            context.report("date `\(quoted: field.value)` differs from the note's date style: `\(written)`", at: field.valueRange, fix: fix)
        }
    }

    /// A date's shape: digits as `9`, letters as `a`, runs of one kind as one (`2025-3-3` and
    /// `2025-12-28` are both `9-9-9`).
    static func shape(of text: String) -> String {
        var out = ""
        for character in text {
            let kind: Character = character.isNumber ? "9" : character.isLetter ? "a" : character
            if out.last != kind || (kind != "9" && kind != "a") { out.append(kind) }
        }
        return out
    }
}
