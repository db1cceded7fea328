import NoteLint
import NoteSyntax
import Testing

/// The rules that depend on today, run with a fixed today (20 April 2021), never the clock.
@Suite struct DateRuleClockTests {
    static let today = CalendarDay(year: 2021, month: 4, day: 20)

    static func findings(_ text: String, rule: String, today: CalendarDay = today) throws -> [Diagnostic] {
        let linter = try Linter(only: [rule], today: today)
        #expect(linter.today == today)
        return linter.lint(SourceText(text)).diagnostics
    }

    // MARK: date-future

    @Test(arguments: [
        "20 Apr 2021", "19 Apr 2021", "2021-04-20", "April 20, 2021", "Apr 2021", "2021-04", "2021", "Mar 2021",
        "31 Dec 2020", "2020", "1977", "2022",
    ])
    func notFuture(_ date: String) throws {
        #expect(try Self.findings("Title: A\nDate: \(date)\n", rule: "date-future") == [])
    }

    @Test(arguments: [
        "21 Apr 2021", "2021-04-21", "April 21, 2021", "1 May 2021", "May 2021", "2021-05", "2023", "Jan 2022",
        "2999",
    ])
    func future(_ date: String) throws {
        let findings = try Self.findings("Title: A\nDate: \(date)\n", rule: "date-future")
        let start = "Title: A\nDate: ".utf8.count
        #expect(findings.map(\.ruleID) == ["date-future"])
        #expect(findings.map(\.message) == ["date `\(date)` is in the future"])
        #expect(findings.map(\.range) == [ByteRange(start, start + date.utf8.count)])
        #expect(findings.map(\.severity) == [.warning])
        #expect(findings.first?.fix == nil)
    }

    /// Dates that are not valid dates are `date-invalid`'s business, never future.
    @Test(arguments: ["31 Feb 2999", "04/05/2999", "2999-13-01", "someday"])
    func invalidDatesAreNotFuture(_ date: String) throws {
        #expect(try Self.findings("Title: A\nDate: \(date)\n", rule: "date-future") == [])
    }

    @Test func todayDecides() throws {
        let text = "Title: A\nDate: May 2021\n"
        #expect(try Self.findings(text, rule: "date-future", today: CalendarDay(year: 2021, month: 4, day: 30)).count == 1)
        #expect(try Self.findings(text, rule: "date-future", today: CalendarDay(year: 2021, month: 5, day: 1)) == [])
        // A year alone is future only after next year: a venue's year is known a year ahead.
        #expect(
            try Self.findings("Title: A\nDate: 2023\n", rule: "date-future", today: CalendarDay(year: 2021, month: 12, day: 31)).count == 1)
        #expect(try Self.findings("Title: A\nDate: 2023\n", rule: "date-future", today: CalendarDay(year: 2022, month: 1, day: 1)) == [])
    }

    // MARK: arxiv-id-invalid

    @Test(arguments: [
        "https://arxiv.org/abs/2104.09864", "arXiv:2104.99999", "https://arxiv.org/abs/2103.00001v2",
        "https://doi.org/10.48550/arXiv.2012.00001",
    ])
    func currentAndPastMonths(_ link: String) throws {
        #expect(try Self.findings("Title: A\nLink: \(link)\n", rule: "arxiv-id-invalid") == [])
    }

    @Test(arguments: [
        ("https://arxiv.org/abs/2105.00001", "2105.00001", "May 2021"),
        ("arXiv:2105.09864v2", "2105.09864", "May 2021"),
        ("https://doi.org/10.48550/arXiv.2201.00001", "2201.00001", "Jan 2022"),
    ])
    func aMonthAfterToday(_ link: String, _ id: String, _ month: String) throws {
        let findings = try Self.findings("Title: A\nLink: \(link)\n", rule: "arxiv-id-invalid")
        let start = "Title: A\nLink: ".utf8.count
        #expect(findings.map(\.message) == ["invalid arXiv identifier: `\(id)` names \(month), which has not come yet"])
        #expect(findings.map(\.range) == [ByteRange(start, start + link.utf8.count)])
        #expect(findings.map(\.severity) == [.error])
    }

    @Test func nextMonthBecomesValidWhenItComes() throws {
        let text = "Title: A\nLink: https://arxiv.org/abs/2105.00001\n"
        #expect(try Self.findings(text, rule: "arxiv-id-invalid", today: CalendarDay(year: 2021, month: 5, day: 1)) == [])
        #expect(try Self.findings(text, rule: "arxiv-id-invalid", today: CalendarDay(year: 2021, month: 4, day: 30)).count == 1)
    }

    // MARK: date-format writes dates that read back

    /// Each date is paired with one in another style, so that the configured style decides.
    @Test(arguments: [
        ("0999-01-02", "Jun 8, 2021", NoteDate.Style.dayMonthYear, "2 Jan 0999"),
        ("2 January 0999", "Jun 8, 2021", NoteDate.Style.iso, "0999-01-02"),
        ("Sept. 2, 0050", "8th June 2021", NoteDate.Style.iso, "0050-09-02"),
    ])
    func dateFormatFixKeepsFourDigitYears(_ date: String, _ other: String, _ style: NoteDate.Style, _ fixed: String) throws {
        let configuration = try Configuration.parse(
            SourceText("version: 1\nrules:\n  date-format: {style: \(style == .iso ? "iso" : "\"d MMM yyyy\"")}\n"), path: ".notelint.yml")
        let linter = try Linter(configuration: configuration, only: ["date-format"], today: Self.today)
        let findings = linter.lint(SourceText("Title: A\nDate: \(date)\n\nTitle: B\nDate: \(other)\n")).diagnostics.prefix(1)
        #expect(findings.map(\.message) == ["date `\(date)` differs from the note's date style: `\(fixed)`"])
        #expect(findings.first?.fix?.edits.map(\.newText) == [fixed])
        #expect(NoteDate.parse(fixed) == NoteDate.parse(date))
    }
}
