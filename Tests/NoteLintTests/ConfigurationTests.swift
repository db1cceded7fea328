import NoteLint
import NoteSyntax
import Testing

@Suite struct ConfigurationTests {
    private func parse(_ text: String) throws -> Configuration {
        try Configuration.parse(SourceText(text), path: ".notelint.yml")
    }

    private func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func readsSeveritiesOffAndOptions() throws {
        let configuration = try parse(
            """
            version: 1
            rules:
              entry-blank: off
              footnote-unused: error
              front-matter-missing-key: {severity: info, required: [title, date]}
            """)
        #expect(configuration.setting(for: "entry-blank").enabled == false)
        #expect(configuration.setting(for: "footnote-unused").severity == .error)
        #expect(configuration.setting(for: "front-matter-missing-key").severity == .info)
        #expect(configuration.setting(for: "entry-duplicate").enabled)
        let linter = try Linter(configuration: configuration)
        let found = linter.lint(SourceText("---\ntitle: x\n---\n")).diagnostics
        #expect(found.map(\.message) == ["front matter has no `date` key"])
        #expect(found.map(\.severity) == [.info])
    }

    @Test func unknownRuleNamesTheLineAndTheClosestRule() {
        #expect(
            error("version: 1\nrules:\n  entry-blnk: off\n") == ".notelint.yml:3:3: unknown rule `entry-blnk`; did you mean `entry-blank`?")
    }

    @Test func unknownTopLevelKeyIsAnError() {
        #expect(error("version: 1\nrule:\n  entry-blank: off\n") == ".notelint.yml:2:1: unknown key `rule`; did you mean `rules`?")
    }

    @Test func unknownOptionAndBadSeverity() {
        #expect(
            error("version: 1\nrules:\n  entry-missing-field: {requird: [Title]}\n")
                == ".notelint.yml:3:25: unknown option `requird` for `entry-missing-field`; did you mean `required`?")
        #expect(
            error("version: 1\nrules:\n  entry-blank: warn\n") == ".notelint.yml:3:16: unknown severity `warn`; did you mean `warning`?")
    }

    @Test func versionIsRequiredAndChecked() {
        #expect(error("rules: {}\n") == ".notelint.yml:1:1: missing `version: 1`")
        #expect(error("version: 2\n").contains("unsupported version `2`"))
    }

    @Test func wrongOptionShapeIsReportedWithItsPosition() throws {
        #expect(error("version: 1\nrules:\n  entry-missing-field: {required: {a: b}}\n").hasPrefix(".notelint.yml:3:35: option `required`"))
    }

    @Test func everyMistakeIsReportedInOneRun() {
        let text = """
            version: 1
            rules:
              entry-blnk: off
              date-format: {style: bogus}
              entry-duplicate: loud
            overrides:
              - rules: {footnote-unused: off}
            arxiv: {cache_days: -1}
            """
        #expect(
            error(text).split(separator: "\n") == [
                ".notelint.yml:3:3: unknown rule `entry-blnk`; did you mean `entry-blank`?",
                ".notelint.yml:4:24: option `style`: expected `d MMM yyyy` or `iso`, not `bogus`",
                ".notelint.yml:5:20: unknown severity `loud`",
                ".notelint.yml:7:5: an override needs `files`",
                ".notelint.yml:8:21: `arxiv.cache_days` is a whole number of days, 0 or more",
            ])
    }

    @Test func invalidYAMLIsAnError() {
        #expect(error("version: 1\nrules: [\n").hasPrefix(".notelint.yml:"))
    }

    @Test func knownFieldsComeFromTheOptions() throws {
        let configuration = try parse("version: 1\nrules:\n  entry-unknown-field: {known: [Reviewer]}\n")
        let linter = try Linter(configuration: configuration)
        let text = SourceText("Title: A\nLink: https://example.org\nDate: 2020\nReviewer: B\n")
        #expect(linter.lint(text).diagnostics.isEmpty)
        // Without the option the key is unknown, reported at info.
        let unknown = try Linter().lint(text).diagnostics
        #expect(unknown.map(\.ruleID) == ["entry-unknown-field"] && unknown.map(\.severity) == [.info])
        // A paragraph whose only key is a configured field is no record: it is not evidence enough.
        #expect(linter.lint(SourceText("Reviewer: B\n")).diagnostics.isEmpty)
    }

    @Test func editDistanceCountsTranspositions() {
        #expect(editDistance("Titel", "Title") == 1)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(closestMatch(to: "footnote-unsed", in: RuleRegistry.ids) == "footnote-unused")
        #expect(closestMatch(to: "zzz", in: RuleRegistry.ids) == nil)
    }
}
