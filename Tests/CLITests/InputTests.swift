import Foundation
import TestSupport
import Testing

@Suite struct InputTests {
    @Test func standardInputIsLintedUnderItsGivenName() throws {
        let note = Data("Title:\nLink:\n".utf8)
        let plain = try Notelint.run(["check", "--quiet", "-"], stdin: note)
        #expect(plain.stdout == "-:1:1: warning: entry has no values: a leftover template [entry-blank]\n")
        let named = try Notelint.run(["check", "--quiet", "--stdin-filename", "notes/today.md", "-"], stdin: note)
        #expect(named.stdout == "notes/today.md:1:1: warning: entry has no values: a leftover template [entry-blank]\n")
    }

    @Test func fixOnStandardInputPrintsTheFixedText() throws {
        let note = Data("Title: A\nLink: https://example.org\nDate: 2020\n---\n\nText.[^a]\n".utf8)
        let run = try Notelint.run(["check", "--fix", "-"], stdin: note)
        #expect(run.stdout == "Title: A\nLink: https://example.org\nDate: 2020\n\n---\n\nText.[^a]\n")
        #expect(run.stderr.contains("footnote `[^a]` is not defined"))
        #expect(run.status == 1)
    }

    @Test func foldersAreSearchedForMarkdownAndGitIgnoredFilesSkipped() throws {
        let folder = try TemporaryFolder()
        try folder.write("kept.md", "Title:\nLink:\n")
        try folder.write("sub/also.markdown", "Title:\nLink:\n")
        try folder.write("ignored.md", "Title:\nLink:\n")
        try folder.write("notes.txt", "Title:\nLink:\n")
        try folder.write(".github/ISSUE_TEMPLATE.md", "Title:\nLink:\n")  // hidden: skipped, as outside git
        try folder.write(".gitignore", "ignored.md\n")
        try folder.git("init", "-q")
        let run = try Notelint.run(["check", "--quiet"], in: folder.url)
        #expect(
            run.stdout == """
                kept.md:1:1: warning: entry has no values: a leftover template [entry-blank]
                sub/also.markdown:1:1: warning: entry has no values: a leftover template [entry-blank]

                """)
        // A file named explicitly is checked even when git ignores it.
        #expect(try Notelint.run(["check", "--quiet", "ignored.md"], in: folder.url).status == 1)
    }

    @Test func outsideGitEveryMarkdownFileIsFound() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "Title:\nLink:\n")
        try folder.write("deep/er/b.md", "Title:\nLink:\n")
        try folder.write(".obsidian/c.md", "Title:\nLink:\n")
        let run = try Notelint.run(["check", "--quiet", "."], in: folder.url)
        #expect(
            run.stdout.components(separatedBy: "\n").filter { !$0.isEmpty }.map { String($0.prefix(while: { $0 != ":" })) } == [
                "a.md", "deep/er/b.md",
            ])
    }

    @Test func colourFollowsTheFlagAndNoColor() throws {
        let always = try Notelint.run(["check", "--color", "always", "fixtures/footnotes.md"])
        #expect(always.stdout.contains("\u{1B}["))
        let auto = try Notelint.run(["check", "fixtures/footnotes.md"], environment: ["NO_COLOR": "1"])
        #expect(!auto.stdout.contains("\u{1B}["))
        let never = try Notelint.run(["check", "--color", "never", "--show-source", "fixtures/footnotes.md"])
        #expect(!never.stdout.contains("\u{1B}["))
        #expect(never.stdout.contains("^"))
    }
}
