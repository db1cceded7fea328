import NoteSyntax

struct DateFormat: Rule {
    /// Each finding reads its own Date, but the style it is held to is the note's: that is
    /// its note-wide reading (`noteWideReading`).
    static let scope = RuleScope.lines

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
        // The note's style only when a day here is written some way: an edit of prose checks none.
        guard context.entries.contains(where: { $0.dayWritings != nil }) else { return }
        let read = context.noteWideReading.map { $0 < 0 ? nil : DayWriting.allCases[$0] } ?? convention(of: context.allEntries)
        guard let convention = read else { return }
        for facts in context.entries {
            guard let ways = facts.dayWritings, !ways.contains(convention), let field = facts.date, let day = facts.validDate,
                let written = convention.write(day), written != field.value
            else { continue }
            let fix = Fix(title: "Write `\(written)`", applicability: .safe, edits: [TextEdit(range: field.valueRange, newText: written)])
            context.report("date `\(quoted: field.value)` differs from the note's date style: `\(written)`", at: field.valueRange, fix: fix)
        }
    }

    /// The style of the note's Dates that name a day (`DateConvention`), the `style` option's
    /// when no style is used most; nil when most are in one numeric style notelint has no name
    /// for (`2025-3-3`), which is then the note's.
    func convention(of entries: [EntryFacts]) -> DayWriting? {
        // Counted by case: every Date of the note passes here at every edit of its entries.
        var uses = [Int](repeating: 0, count: DayWriting.allCases.count)
        var days = 0
        var unnamedShapes: [String: Int] = [:]
        for facts in entries {
            guard let ways = facts.dayWritings else { continue }
            days += 1
            for writing in DayWriting.allCases where ways.contains(writing) { uses[writing.index] += 1 }
            // A month's name written otherwise (`20th Apr 2021`) is still rewritten.
            if ways.isEmpty, let value = facts.date?.value {
                let shape = Self.shape(of: value)
                if !shape.contains(ascii: "a") { unnamedShapes[shape, default: 0] += 1 }
            }
        }
        if 2 * (unnamedShapes.values.max() ?? 0) > days { return nil }
        return DateConvention(uses: uses, days: days, otherwise: DayWriting(style)).writing
    }

    func noteWideReading(_ entries: [EntryFacts], of note: Note, schema: EntrySchema) -> Int? { convention(of: entries).map(\.index) ?? -1 }

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
