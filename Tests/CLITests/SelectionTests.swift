import Foundation
import TestSupport
import Testing

/// `--select`, `--ignore`, `--config-override`, `-j`, `--changed` and `--changed-since`.
@Suite struct SelectionTests {
    /// Two days in two styles: neither is the note's, so the `style` option decides.
    private let note =
        "Title: A\nLink: https://example.org\nDate: 20 Apr. 2021\n---\n\nTitle:\nLink:\n\nTitle: B\nLink: https://example.org/b\nDate: June 8, 2021\n"

    private func rules(_ run: Run) -> [String] {
        run.stdout.split(separator: "\n").compactMap { line in
            line.last == "]" ? String(line[line.index(after: line.lastIndex(of: "[")!)..<line.index(before: line.endIndex)]) : nil
        }
    }

    @Test func selectAndIgnoreChooseTheRules() throws {
        let folder = try TemporaryFolder()
        try folder.write("note.md", note)
        #expect(
            rules(try Notelint.run(["check", "--quiet", "note.md"], in: folder.url)) == [
                "date-format", "entry-heading-trap", "entry-blank", "date-format",
            ])
        #expect(
            rules(try Notelint.run(["check", "--quiet", "--select", "entry-blank,date-format", "note.md"], in: folder.url)) == [
                "date-format", "entry-blank", "date-format",
            ])
        #expect(
            rules(try Notelint.run(["check", "--quiet", "--ignore", "entry-blank", "--ignore", "date-format", "note.md"], in: folder.url))
                == ["entry-heading-trap"])
        let unknown = try Notelint.run(["check", "--select", "entry-blnk", "note.md"], in: folder.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown rule `entry-blnk`; did you mean `entry-blank`?"))
    }

    @Test func configOverridesChangeSeveritiesAndOptions() throws {
        let folder = try TemporaryFolder()
        try folder.write("note.md", note)
        try folder.write(".notelint.yml", "version: 1\nrules:\n  entry-blank: off\n")
        let run = try Notelint.run(
            [
                "check", "--quiet", "--config-override", "rules.entry-blank=error",
                "--config-override", "rules.date-format.style=iso", "note.md",
            ], in: folder.url)
        #expect(run.stdout.contains("info: date `20 Apr. 2021` differs from the note's date style: `2021-04-20` [date-format]"))
        #expect(run.stdout.contains("error: entry has no values: a leftover template [entry-blank]"))
        let bad = try Notelint.run(["check", "--config-override", "rules.date-format.styel=iso", "note.md"], in: folder.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown option `styel` for `date-format`; did you mean `style`?"))
        let several = try Notelint.run(
            [
                "check", "--config-override", "nonsense", "--config-override", "rules.date-format=lound", "--ignore", "entry-blnk",
                "note.md",
            ],
            in: folder.url)
        #expect(several.status == 2)
        #expect(
            several.stderr == """
                notelint: --ignore: unknown rule `entry-blnk`; did you mean `entry-blank`?
                notelint: --config-override #1 `nonsense`: expected KEY=VALUE, like rules.entry-blank=off
                notelint: --config-override #2 `rules.date-format=lound`: unknown severity `lound`

                """)
    }

    @Test func commandLineAndFileMistakesAreReportedTogether() throws {
        let folder = try TemporaryFolder()
        try folder.write("note.md", "Title: A\nLink: https://example.org\n")
        try folder.write(".notelint.yml", "version: 1\nentries:\n  fields:\n    Title: text\n    Link: urll\n    Date: dat\n")
        let run = try Notelint.run(["check", "--ignore", "entry-blnk", "note.md"], in: folder.url)
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(run.stderr)")
        #expect(lines.first == "notelint: --ignore: unknown rule `entry-blnk`; did you mean `entry-blank`?")
        #expect(lines.dropFirst().allSatisfy { $0.contains(".notelint.yml:") && $0.contains("unknown kind") })
    }

    @Test func oneThreadGivesTheSameReport() throws {
        let many = try Notelint.run(["check", "fixtures", "--format", "json"])
        let one = try Notelint.run(["check", "fixtures", "--format", "json", "-j", "1"])
        #expect(one.stdout == many.stdout)
        #expect(try Notelint.run(["check", "fixtures", "-j", "0"]).status == 2)
    }

    @Test func changedLintsOnlyWhatGitSeesChanged() throws {
        let folder = try TemporaryFolder()
        try folder.git("init", "-q")
        try folder.write("old.md", "Title:\nLink:\n")
        try folder.write("edited.md", "Title:\nLink:\n")
        try folder.git("add", ".")
        try folder.git("commit", "-q", "-m", "notes")
        try folder.write("edited.md", "Title:\nLink:\n\nMore.\n")
        try folder.write("new.md", "Title:\nLink:\n")
        let changed = try Notelint.run(["check", "--quiet", "--changed"], in: folder.url)
        #expect(changed.stdout.split(separator: "\n").map { String($0.prefix(while: { $0 != ":" })) } == ["edited.md", "new.md"])
        let since = try Notelint.run(["check", "--quiet", "--changed-since", "HEAD"], in: folder.url)
        #expect(since.stdout == changed.stdout)
        let bad = try Notelint.run(["check", "--changed-since", "no-such-ref"], in: folder.url)
        #expect(bad.status == 2)
    }
}
