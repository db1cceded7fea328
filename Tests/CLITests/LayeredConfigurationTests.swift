import Foundation
import TestSupport
import Testing

/// `overrides`, `include`, `extends` and the user-level configuration.
@Suite struct LayeredConfigurationTests {
    private let blank = "Title:\nLink:\n"

    @Test func overridesApplyToTheirPathsOnly() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            ".notelint.yml",
            """
            version: 1
            overrides:
              - files: drafts/**
                rules:
                  entry-blank: off
              - files: ["*.important.md"]
                rules:
                  entry-blank: error
            """)
        try folder.write("drafts/a.md", blank)
        try folder.write("notes/b.md", blank)
        try folder.write("notes/c.important.md", blank)
        let run = try Notelint.run(["check", "--quiet", "."], in: folder.url)
        #expect(
            run.stdout == """
                notes/b.md:1:1: warning: entry has no values: a leftover template [entry-blank]
                notes/c.important.md:1:1: error: entry has no values: a leftover template [entry-blank]

                """)
    }

    @Test func includeKeepsOnlyMatchingPathsInFolderSearches() throws {
        let folder = try TemporaryFolder()
        try folder.write(".notelint.yml", "version: 1\ninclude: [reading/**]\n")
        try folder.write("reading/a.md", blank)
        try folder.write("journal/b.md", blank)
        #expect(
            try Notelint.run(["check", "--quiet", "."], in: folder.url).stdout
                == "reading/a.md:1:1: warning: entry has no values: a leftover template [entry-blank]\n")
        #expect(try Notelint.run(["check", "--quiet", "journal/b.md"], in: folder.url).status == 1)
    }

    @Test func extendsLayersOverAnotherFileAndLoopsAreErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write("shared/base.yml", "version: 1\nrules:\n  entry-blank: error\n  date-format: {style: iso}\n")
        try folder.write(".notelint.yml", "version: 1\nextends: shared/base.yml\nrules:\n  date-format: warning\n")
        // One day in each style: the inherited `style: iso` decides between them.
        try folder.write(
            "note.md",
            "Title: A\nLink: https://example.org\nDate: 20 Apr 2021\n\nTitle: B\nLink: https://example.org/b\nDate: 2021-06-08\n\n" + blank)
        let run = try Notelint.run(["check", "--quiet", "note.md"], in: folder.url)
        #expect(run.stdout.contains("warning: date `20 Apr 2021` differs from the note's date style: `2021-04-20` [date-format]"))
        #expect(run.stdout.contains("error: entry has no values: a leftover template [entry-blank]"))
        try folder.write("shared/base.yml", "version: 1\nextends: ../.notelint.yml\n")
        let loop = try Notelint.run(["check", "note.md"], in: folder.url)
        #expect(loop.status == 2)
        #expect(loop.stderr.contains("`extends` loops back"))
    }

    @Test func theUserFileSitsUnderTheProjectFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("xdg/notelint/config.yml", "version: 1\nrules:\n  entry-blank: error\n  footnote-undefined: off\n")
        try folder.write("project/note.md", blank + "\nText.[^x]\n")
        let environment = ["XDG_CONFIG_HOME": folder.url.appendingPathComponent("xdg").path]
        let userOnly = try Notelint.run(
            ["check", "--quiet", "note.md"], in: folder.url.appendingPathComponent("project"), environment: environment)
        #expect(userOnly.stdout == "note.md:1:1: error: entry has no values: a leftover template [entry-blank]\n")
        try folder.write("project/.notelint.yml", "version: 1\nrules:\n  entry-blank: info\n")
        let layered = try Notelint.run(
            ["check", "--quiet", "note.md"], in: folder.url.appendingPathComponent("project"), environment: environment)
        #expect(layered.stdout == "note.md:1:1: info: entry has no values: a leftover template [entry-blank]\n")
    }
}
