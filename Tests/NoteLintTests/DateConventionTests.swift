import NoteLint
import NoteSyntax
import Testing

/// `date-format` follows the note's own way of writing days.
@Suite struct DateConventionTests {
    private func findings(_ dates: [String], style: String? = nil) throws -> [String] {
        let note = dates.enumerated().map { "Title: \($0.offset)\nDate: \($0.element)\n" }.joined(separator: "\n")
        let configuration = try Configuration.parse(
            SourceText("version: 1\nrules:\n  date-format: {style: \(style ?? "\"d MMM yyyy\"")}\n"), path: ".notelint.yml")
        let linter = try Linter(configuration: configuration, only: ["date-format"])
        return linter.lint(SourceText(note)).diagnostics.filter { $0.ruleID == "date-format" }
            .compactMap { $0.fix?.edits.first?.newText }
    }

    @Test(arguments: [
        ["2021-04-20", "2021-06-08", "2019", "2021-04"],
        ["20 Apr. 2021", "8 Jun. 2021"],
        ["April 20, 2021", "June 8, 2021", "Apr 2021"],
        ["2021/04/20", "2021/06/08"],
        ["8 May 2021"],
    ])
    func aNoteOfOneStyleIsLeftAlone(_ dates: [String]) throws {
        #expect(try findings(dates).isEmpty)
        #expect(try findings(dates, style: "iso").isEmpty)
    }

    @Test func theStyleMostDaysUseWins() throws {
        #expect(try findings(["2021-04-20", "2021-06-08", "9 Jun 2021"]) == ["2021-06-09"])
        #expect(try findings(["20 Apr. 2021", "8 Jun 2021", "9 Jun 2021"]) == ["20 Apr 2021"])
        // `8 May 2021` is written in `20 April 2021`'s style too.
        #expect(try findings(["20 April 2021", "8 May 2021", "9 Jun 2021"]).isEmpty == false)
        #expect(try findings(["20 April 2021", "8 May 2021", "9 June 2021"]).isEmpty)
    }

    @Test func aTieGoesToTheConfiguredStyle() throws {
        #expect(try findings(["2021-04-20", "8 Jun 2021"]) == ["20 Apr 2021"])
        #expect(try findings(["2021-04-20", "8 Jun 2021"], style: "iso") == ["2021-06-08"])
        #expect(try findings(["20 Apr. 2021", "2021-06-08"]) == ["20 Apr 2021", "8 Jun 2021"])
    }

    @Test func yearsAndMonthsAreNeverReported() throws {
        #expect(try findings(["20 Apr 2021", "2019", "2021-04", "Sept. 2020", "April 2021"]).isEmpty)
    }
}
