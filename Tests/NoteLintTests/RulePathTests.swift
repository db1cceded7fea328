import NoteLint
import NoteSyntax
import Testing

/// Rules that read the note's file path as well as its text.
@Suite struct RulePathTests {
    static let post = "---\nlayout: post\ncategories: paper-review\n---\n\nText.\n"

    static func titleFindings(path: String?) throws -> [Diagnostic] {
        try Linter(only: ["front-matter-missing-key"]).lint(SourceText(post), path: path).diagnostics
    }

    @Test(arguments: [
        "_posts/2022-09-13-paper review.md", "site/_posts/notes/review.md", "2022-09-13-paper-review.md", "_semesters/winter26.md",
    ])
    func aJekyllDocumentIsTitledByItsFileName(_ path: String) throws {
        #expect(try Self.titleFindings(path: path) == [])
    }

    @Test(arguments: ["about.md", "posts/review.md", "2022-09-review.md", "_posts"])
    func anotherPageNeedsItsTitle(_ path: String) throws {
        #expect(try Self.titleFindings(path: path).map(\.message) == ["front matter has no `title` key"])
    }

    @Test func withoutAPathTheTitleIsAskedFor() throws {
        #expect(try Self.titleFindings(path: nil).count == 1)
    }

    static let template = """
        ---
        title: {{title}}
        ---

        Title: {{title}}
        Link: VALUE:URL
        Date: {{date}}
        Subjects:
        ---
        """

    static func ruleIDs(_ text: String, path: String?) throws -> [String] {
        try Linter(today: CalendarDay(year: 2026, month: 12, day: 1)).lint(SourceText(text), path: path).diagnostics.map(\.ruleID)
    }

    @Test(arguments: ["templates/paper.md", "vault/930_Templates/paper.md", ".github/ISSUE_TEMPLATE/paper.md"])
    func aTemplateKeepsItsTokensButNotItsStructuralMistakes(_ path: String) throws {
        // The `---` right under the record still turns it into a heading in every note made from it.
        #expect(try Self.ruleIDs(Self.template, path: path) == ["entry-heading-trap"])
    }

    @Test func theSameTextAsANoteIsReported() throws {
        let found = Set(try Self.ruleIDs(Self.template, path: "notes/paper.md"))
        #expect(found.isSuperset(of: ["link-invalid", "entry-heading-trap"]))
    }
}
