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
}
