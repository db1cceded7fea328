import NoteSyntax

struct DateInvalid: Rule {
    static let description = RuleDescription(
        id: "date-invalid",
        summary: "a Date that is not a date, is impossible, or is ambiguous",
        rationale: """
            A Date that no one can read back is lost information. notelint reads one grammar: \
            `20 Apr 2021`, `20 Apr. 2021`, `20 April 2021`, `20th April 2021`, `April 20, 2021`, \
            `Apr 2021`, `April 2021`, `Sept. 2020`, `2021`, `2021-04-20`, `2021-04` and `2021/04/20` \
            (month names in any case). A year alone, or a month with its year, is a valid date for \
            what it says. `31 Feb 2021` and `2021-13-01` are impossible; `04/05/2021` is ambiguous \
            (4 May or 5 April), unless the note's other numeric dates show their order (`15/03/2018` \
            puts the day first) or the entry's arXiv identifier names one of the two months (`4/11/2018` \
            beside `1804.02767` is 11 April); the message says which. A value in no form of the grammar \
            (`2012-2018`, `2012+`, `last spring`) is reported at info: it may be meant, and it is no \
            error of the note's that notelint cannot read it. A site's front matter (`date:`, \
            `publishDate:`, `lastmod:` ...) is checked for impossible days too, even when it describes \
            no paper: a generator refuses `2024-06-31` or publishes the post on another day, and \
            `-01-01` (a citation imported without its year) places it nowhere.
            """,
        defaultSeverity: .error,
        severityNote: "error for an impossible or ambiguous date, info for a value notelint cannot read as a date",
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nDate: 20 Apr. 2021\n",
                "Title: A\nDate: 2019\n",
                "Title: A\nDate: Sept. 2020\n",
                "Title: A\nDate: April 20, 2021\n",
                "Title: A\nDate: 29 Feb 2020\n",
                "Title: A\nDate:\n",
                "| Date | Paper |\n|---|---|\n| - | TBD |\n| 2024-03-01 | Attention Is All You Need |\n",
                "Title: YOLOv3\nLink: https://arxiv.org/abs/1804.02767\nDate: 4/11/2018\n",
                "---\ntitle: A post\ndate: 2024-06-30 10:00:00 +0100\n---\n",
            ],
            triggering: [
                "Title: A\nDate: ↓31 Feb 2021\n",
                "Title: A\nDate: ↓2021-13-01\n",
                "Title: A\nDate: ↓04/05/2021\n",
                "Title: A\nDate: ↓last spring\n",
                "---\ntitle: A post\npublishDate: ↓2024-04-31\n---\n",
                "---\ntitle: A paper\ndate: ↓-01-01\n---\n",
            ]
        )
    )

    /// Each finding reads its own entry, but whether an ambiguous date is settled reads the
    /// order of the note's numeric dates: that is its note-wide reading.
    static let scope = RuleScope.lines

    func noteWideReading(_ entries: [EntryFacts], of note: Note, schema: EntrySchema) -> Int? {
        Self.numericOrderIsSettled(entries) ? 1 : 0
    }

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        // Worked out at the first ambiguous date: most notes have none.
        var settlesOrder: Bool?
        for facts in context.entries {
            guard let field = facts.date, let parsed = facts.parsedDate else { continue }
            switch parsed {
            case .success:
                break
            case .failure(.notADate):
                // `-`, `.` or `TBD` in a schedule's Date column says "no date yet".
                if PlaceholderValue.isPlaceholder(field.value) { continue }
                // A range (`2012-2018`), an approximation (`2012+`) or a day without its year
                // (`9/28`) is often meant: notelint cannot read it, which is no error of the note's.
                context.report(
                    "`\(quoted: field.value)` is not a date notelint reads (write it like 20 Apr 2021, Apr 2021, 2021 or 2021-04-20)",
                    at: field.valueRange, severity: .info)
            case .failure(.impossible(let why)):
                context.report("`\(quoted: field.value)` is not a real date: \(why)", at: field.valueRange)
            case .failure(.ambiguous(let why)):
                if settlesOrder == nil {
                    settlesOrder = context.noteWideReading.map { $0 == 1 } ?? Self.numericOrderIsSettled(context.allEntries)
                }
                if settlesOrder == true || Self.identifierSettles(field.value, facts) { continue }
                context.report("`\(quoted: field.value)` is ambiguous: \(why)", at: field.valueRange)
            }
        }
        checkFrontMatterDates(&context)
    }

    /// Keys by which site generators date a page.
    static let frontMatterDateKeys: Set<String> = [
        "date", "publishdate", "published", "lastmod", "updated", "created", "modified", "expirydate",
    ]

    /// An impossible `YYYY-MM-DD` at the start of a front-matter date (a time may follow), where
    /// no record's Date already holds it.
    private func checkFrontMatterDates(_ context: inout LintContext) {
        guard let frontMatter = context.note.frontMatter, frontMatter.isClosed else { return }
        let recorded = context.entries.compactMap { $0.date?.valueRange }
        for pair in frontMatter.pairs {
            guard let key = pair.key.scalarText, Self.frontMatterDateKeys.contains(key.lowercased()),
                case .scalar(let value, let range) = pair.value,
                !recorded.contains(where: { $0.start >= range.start && $0.end <= range.end })
            else { continue }
            if Self.lacksItsYear(value) {
                context.report("`\(quoted: value)` has no year (a citation imported without one?)", at: range)
                continue
            }
            guard value.utf8.count >= 10 else { continue }
            let day = String(value.prefix(10))
            guard case .failure(.impossible(let why)) = NoteDate.parse(day) else { continue }
            context.report("`\(quoted: day)` is not a real date: \(why)", at: range)
        }
    }

    /// `-01-01`: a `YYYY-MM-DD` whose year was never filled in.
    static func lacksItsYear(_ value: String) -> Bool {
        let bytes = Array(value.utf8.prefix(7))
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        guard bytes.count >= 6, bytes[0] == UInt8(ascii: "-"), isDigit(bytes[1]), isDigit(bytes[2]), bytes[3] == UInt8(ascii: "-"),
            isDigit(bytes[4]), isDigit(bytes[5])
        else { return false }
        return bytes.count == 6 || !isDigit(bytes[6])
    }

    /// Whether the entry's new-style arXiv identifier names the month of exactly one reading
    /// of `a/b/yyyy`.
    static func identifierSettles(_ value: String, _ facts: EntryFacts) -> Bool {
        guard let assigned = facts.validArxivIdentifier?.newStyleMonth else { return false }
        let parts = value.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3 else { return false }
        let monthFirst = (year: parts[2], month: parts[0])
        let dayFirst = (year: parts[2], month: parts[1])
        return (monthFirst == assigned) != (dayFirst == assigned)
    }

    /// Whether the note's numeric dates show one order: `15/03/2018` puts the day first, and
    /// then `01/03/2018` beside it is the 1st of March. A note that shows both orders, or
    /// neither, settles nothing.
    static func numericOrderIsSettled(_ entries: [EntryFacts]) -> Bool {
        var dayFirst = false
        var monthFirst = false
        for facts in entries {
            // Only digits, separators and signs can make three numbers: anything else leaves a
            // part that is not one.
            guard let value = facts.date?.value,
                value.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2F || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D })
            else { continue }
            let parts = value.split(whereSeparator: { $0 == "/" || $0 == "." }).map { Int($0) }
            guard parts.count == 3, let first = parts[0], let second = parts[1], parts[2] != nil else { continue }
            if first > 12 && second <= 12 { dayFirst = true }
            if second > 12 && first <= 12 { monthFirst = true }
        }
        return dayFirst != monthFirst
    }
}
