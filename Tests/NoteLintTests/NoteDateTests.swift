import NoteLint
import Testing

/// The date grammar of README's "Dates" section, as `NoteDate.parse` reads it.
@Suite struct NoteDateTests {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> NoteDate { NoteDate(year: year, month: month, day: day) }
    static func month(_ year: Int, _ month: Int) -> NoteDate { NoteDate(year: year, month: month, day: nil) }
    static func year(_ year: Int) -> NoteDate { NoteDate(year: year, month: nil, day: nil) }

    // MARK: Every form the README lists

    @Test(arguments: [
        ("20 Apr 2021", day(2021, 4, 20)),
        ("20 Apr. 2021", day(2021, 4, 20)),
        ("20 April 2021", day(2021, 4, 20)),
        ("20th April 2021", day(2021, 4, 20)),
        ("April 20, 2021", day(2021, 4, 20)),
        ("Apr 2021", month(2021, 4)),
        ("April 2021", month(2021, 4)),
        ("Sept. 2020", month(2020, 9)),
        ("2021", year(2021)),
        ("2021-04-20", day(2021, 4, 20)),
        ("2021-04", month(2021, 4)),
        ("2021/04/20", day(2021, 4, 20)),
        ("20/04/2021", day(2021, 4, 20)),
    ])
    func readmeForms(_ text: String, _ expected: NoteDate) {
        #expect(NoteDate.parse(text) == .success(expected))
    }

    // MARK: Month names in any case

    static let longNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]
    static let shortNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    @Test(arguments: 1...12)
    func everyMonthNameInEveryCase(_ number: Int) {
        let long = Self.longNames[number - 1]
        let short = Self.shortNames[number - 1]
        for name in [
            long, long.lowercased(), long.uppercased(), short, short.lowercased(), short.uppercased(), "\(short).",
            "\(short.uppercased()).",
        ] {
            #expect(NoteDate.parse("\(name) 2019") == .success(Self.month(2019, number)), "\(name) 2019")
            #expect(NoteDate.parse("7 \(name) 2019") == .success(Self.day(2019, number, 7)), "7 \(name) 2019")
            #expect(NoteDate.parse("\(name) 7, 2019") == .success(Self.day(2019, number, 7)), "\(name) 7, 2019")
        }
    }

    @Test(arguments: ["20 APR 2021", "20 apr 2021", "20 aPrIl 2021", "APRIL 20, 2021", "april 20, 2021", "20 APR. 2021"])
    func mixedCaseMonthNames(_ text: String) {
        #expect(NoteDate.parse(text) == .success(Self.day(2021, 4, 20)))
    }

    @Test(arguments: [
        "Sept. 2020", "Sept 2020", "sept. 2020", "SEPT. 2020", "Sep 2020", "Sep. 2020", "September 2020",
        "SEPTEMBER 2020",
    ])
    func september(_ text: String) {
        #expect(NoteDate.parse(text) == .success(Self.month(2020, 9)))
    }

    @Test func septWithADay() {
        #expect(NoteDate.parse("3 Sept. 2020") == .success(Self.day(2020, 9, 3)))
        #expect(NoteDate.parse("Sept. 3, 2020") == .success(Self.day(2020, 9, 3)))
    }

    // MARK: Ordinals

    @Test(arguments: [
        ("1st", 1), ("2nd", 2), ("3rd", 3), ("4th", 4), ("11th", 11), ("12th", 12), ("13th", 13),
        ("21st", 21), ("22nd", 22), ("23rd", 23), ("24th", 24), ("31st", 31), ("1ST", 1), ("2Nd", 2),
    ])
    func ordinals(_ ordinal: String, _ value: Int) {
        #expect(NoteDate.parse("\(ordinal) January 2021") == .success(Self.day(2021, 1, value)))
        #expect(NoteDate.parse("\(ordinal) Jan 2021") == .success(Self.day(2021, 1, value)))
        #expect(NoteDate.parse("January \(ordinal), 2021") == .success(Self.day(2021, 1, value)))
    }

    /// The grammar's pieces combine: an abbreviation's period, an ordinal, and the comma after
    /// `Month day` is optional (commas and blanks both separate words).
    @Test(arguments: ["Apr. 20th 2021", "Apr. 20th, 2021", "April 20th, 2021", "April 20 2021", "20th Apr. 2021"])
    func combinedForms(_ text: String) {
        #expect(NoteDate.parse(text) == .success(Self.day(2021, 4, 20)))
    }

    // MARK: Whitespace around the value

    @Test(arguments: ["  20 Apr 2021", "20 Apr 2021  ", "\t20 Apr 2021\t", " \t 2021-04-20 \t ", "20  Apr\t2021"])
    func blanksAroundAndBetween(_ text: String) {
        #expect(NoteDate.parse(text) == .success(Self.day(2021, 4, 20)))
    }

    @Test func blanksAroundYearAndMonth() {
        #expect(NoteDate.parse("  2021 ") == .success(Self.year(2021)))
        #expect(NoteDate.parse("\t2021-04\t") == .success(Self.month(2021, 4)))
        #expect(NoteDate.parse(" Apr 2021 ") == .success(Self.month(2021, 4)))
    }

    // MARK: Leap years and month lengths

    @Test(arguments: [
        ("29 Feb 2020", day(2020, 2, 29)),
        ("29 Feb 2000", day(2000, 2, 29)),
        ("29 Feb 2400", day(2400, 2, 29)),
        ("2020-02-29", day(2020, 2, 29)),
        ("2000/02/29", day(2000, 2, 29)),
        ("29/02/2020", day(2020, 2, 29)),
        ("28 Feb 2021", day(2021, 2, 28)),
        ("31 Jan 2021", day(2021, 1, 31)),
        ("30 Apr 2021", day(2021, 4, 30)),
        ("31 Dec 2021", day(2021, 12, 31)),
        ("1 Jan 2021", day(2021, 1, 1)),
    ])
    func possibleDays(_ text: String, _ expected: NoteDate) {
        #expect(NoteDate.parse(text) == .success(expected))
    }

    @Test(arguments: [
        ("29 Feb 2021", "Feb 2021 has 28 days"),
        ("29 Feb 1900", "Feb 1900 has 28 days"),
        ("29 Feb 2100", "Feb 2100 has 28 days"),
        ("2021-02-29", "Feb 2021 has 28 days"),
        ("30 Feb 2020", "Feb 2020 has 29 days"),
        ("31 Feb 2021", "Feb 2021 has 28 days"),
        ("31 Apr 2021", "Apr 2021 has 30 days"),
        ("31 June 2021", "Jun 2021 has 30 days"),
        ("Sept. 31, 2021", "Sep 2021 has 30 days"),
        ("31st November 2021", "Nov 2021 has 30 days"),
        ("32 Jan 2021", "Jan 2021 has 31 days"),
        ("2021-04-31", "Apr 2021 has 30 days"),
        ("31/04/2021", "Apr 2021 has 30 days"),
        ("2021-13-01", "there is no month 13"),
        ("2021-13", "there is no month 13"),
        ("2021-00", "there is no month 0"),
        ("2021-00-10", "there is no month 0"),
        ("2021/13/01", "there is no month 13"),
        ("13/13/2021", "there is no month 13"),
    ])
    func impossible(_ text: String, _ reason: String) {
        #expect(NoteDate.parse(text) == .failure(.impossible(reason)))
    }

    @Test(arguments: ["0 Jan 2021", "2021-01-00", "00/01/2021"])
    func dayZeroIsImpossible(_ text: String) {
        guard case .failure(.impossible) = NoteDate.parse(text) else {
            Issue.record("`\(text)` read as \(NoteDate.parse(text))")
            return
        }
    }

    // MARK: Day/month/year with slashes

    @Test(arguments: [
        ("04/05/2021", "4 May 2021 or 5 Apr 2021"),
        ("4/5/2021", "4 May 2021 or 5 Apr 2021"),
        ("01/12/2021", "1 Dec 2021 or 12 Jan 2021"),
        ("12/11/2020", "12 Nov 2020 or 11 Dec 2020"),
    ])
    func ambiguous(_ text: String, _ readings: String) {
        #expect(NoteDate.parse(text) == .failure(.ambiguous(readings)))
    }

    @Test(arguments: [
        ("13/05/2021", day(2021, 5, 13)),
        ("05/05/2021", day(2021, 5, 5)),
        ("12/12/2021", day(2021, 12, 12)),
        ("31/12/2021", day(2021, 12, 31)),
        // Month first is the only reading when the second number cannot be a month.
        ("05/13/2021", day(2021, 5, 13)),
        ("5/31/2021", day(2021, 5, 31)),
    ])
    func unambiguous(_ text: String, _ expected: NoteDate) {
        #expect(NoteDate.parse(text) == .success(expected))
    }

    // MARK: Not dates

    @Test(arguments: [
        "last spring",
        "2021-04-20T10:00",
        "2021-04-20 10:00",
        "20 Apr",
        "Apr 20",
        "April 20th",
        "Apr",
        "",
        "   ",
        "\t",
        "21",
        "202",
        "20210",
        "20210420",
        "0000",
        "-2021",
        "2021-",
        "2021-04-",
        "2021--04",
        "2021/04",
        "20-04-2021",
        "20.04.2021",
        "2021-4-20-1",
        "2021-04/20",
        "20 Apr 21",
        "Apr 21",
        "20 Apr 20211",
        "2021 Apr 20",
        "20 2021 Apr",
        "20 Ap 2021",
        "20 Foo 2021",
        "20 Marc 2021",
        "Sept.. 2020",
        "20 Apr 2021 extra",
        "ca. 2021",
        "2021?",
        "Spring 2021",
        "123 Apr 2021",
        "20st April",
        "TBD",
    ])
    func notADate(_ text: String) {
        #expect(NoteDate.parse(text) == .failure(.notADate))
    }

    // MARK: Rendering

    @Test(arguments: [
        (day(2021, 4, 20), "20 Apr 2021", "2021-04-20"),
        (day(2021, 12, 5), "5 Dec 2021", "2021-12-05"),
        (day(2021, 1, 31), "31 Jan 2021", "2021-01-31"),
        (day(2020, 9, 1), "1 Sep 2020", "2020-09-01"),
        (month(2021, 4), "Apr 2021", "2021-04"),
        (month(2020, 10), "Oct 2020", "2020-10"),
        (year(2021), "2021", "2021"),
        // A year is always four digits, as the grammar reads it back.
        (day(999, 1, 2), "2 Jan 0999", "0999-01-02"),
        (month(45, 3), "Mar 0045", "0045-03"),
        (year(7), "0007", "0007"),
    ])
    func rendered(_ date: NoteDate, _ dayMonthYear: String, _ iso: String) {
        #expect(date.rendered(.dayMonthYear) == dayMonthYear)
        #expect(date.rendered(.iso) == iso)
    }

    @Test func styleNames() {
        #expect(NoteDate.Style.dayMonthYear.rawValue == "d MMM yyyy")
        #expect(NoteDate.Style.iso.rawValue == "iso")
        #expect(NoteDate.Style.allCases == [.dayMonthYear, .iso])
    }

    /// What `date-format`'s fix writes must read back as the same date.
    @Test(arguments: [
        "20 Apr 2021", "20th April 2021", "April 20, 2021", "Sept. 2020", "2021", "2021/04/20", "13/05/2021",
        "29 Feb 2000", "1 Jan 0999", "0999-01", "0050",
    ])
    func renderingReadsBack(_ text: String) throws {
        let date = try NoteDate.parse(text).get()
        for style in NoteDate.Style.allCases {
            #expect(NoteDate.parse(date.rendered(style)) == .success(date), "\(style): \(date.rendered(style))")
        }
    }

    // MARK: isAfter

    static let today = CalendarDay(year: 2021, month: 4, day: 20)

    @Test(arguments: [
        (day(2021, 4, 20), false),
        (day(2021, 4, 19), false),
        (day(2021, 4, 21), true),
        (day(2021, 5, 1), true),
        (day(2021, 3, 31), false),
        (day(2022, 1, 1), true),
        (day(2020, 12, 31), false),
        // A month or a year is after today only when all of it is.
        (month(2021, 4), false),
        (month(2021, 3), false),
        (month(2021, 5), true),
        (month(2020, 12), false),
        (month(2022, 1), true),
        (year(2021), false),
        (year(2020), false),
        (year(2022), true),
    ])
    func isAfter(_ date: NoteDate, _ expected: Bool) {
        #expect(date.isAfter(Self.today) == expected)
    }

    @Test func isAfterAtTheEndOfAYear() {
        let newYearsEve = CalendarDay(year: 2021, month: 12, day: 31)
        #expect(Self.day(2021, 12, 31).isAfter(newYearsEve) == false)
        #expect(Self.month(2021, 12).isAfter(newYearsEve) == false)
        #expect(Self.year(2021).isAfter(newYearsEve) == false)
        #expect(Self.day(2022, 1, 1).isAfter(newYearsEve) == true)
        #expect(Self.month(2022, 1).isAfter(newYearsEve) == true)
        #expect(Self.year(2022).isAfter(newYearsEve) == true)
    }
}
