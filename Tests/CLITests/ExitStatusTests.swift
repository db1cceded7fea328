import Foundation
import TestSupport
import Testing

@Suite struct ExitStatusTests {
    @Test func cleanNoteExitsZero() throws {
        let run = try Notelint.run(["check", "fixtures/clean.md"])
        #expect(run.status == 0)
        #expect(run.stdout == "0 errors, 0 warnings, 0 infos in 1 file\n")
    }

    @Test func findingsAtOrAboveFailOnExitOne() throws {
        #expect(try Notelint.run(["check", "fixtures/front-matter-missing-key.md"]).status == 1)
        #expect(try Notelint.run(["check", "--fail-on", "error", "fixtures/front-matter-missing-key.md"]).status == 0)
        #expect(try Notelint.run(["check", "--fail-on", "error", "fixtures/footnotes.md"]).status == 1)
        #expect(try Notelint.run(["check", "--exit-zero", "fixtures/footnotes.md"]).status == 0)
    }

    @Test func quietPrintsFindingsOnly() throws {
        let run = try Notelint.run(["check", "--quiet", "fixtures/front-matter-missing-key.md"])
        #expect(
            run.stdout == "fixtures/front-matter-missing-key.md:1:1: warning: front matter has no `title` key [front-matter-missing-key]\n")
    }

    @Test func missingPathExitsTwoAndNamesIt() throws {
        let run = try Notelint.run(["check", "fixtures/clean.md", "no/such/note.md"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no/such/note.md: no such file or directory"))
        #expect(run.stdout.contains("in 1 file"), "the files that exist are still checked")
        #expect(try Notelint.run(["check", "--exit-zero", "no/such/note.md"]).status == 2)
    }

    @Test func usageErrorsExitTwo() throws {
        let run = try Notelint.run(["check", "--format", "xml", "fixtures/clean.md"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("xml"))
        #expect(try Notelint.run(["check", "--no-such-flag"]).status == 2)
        #expect(try Notelint.run(["frobnicate"]).status == 2)
    }

    @Test func invalidConfigurationExitsTwoWithFileLineAndSuggestion() throws {
        let folder = try TemporaryFolder()
        try folder.write(".notelint.yml", "version: 1\nrules:\n  entry-blnk: off\n")
        try folder.write("note.md", "Title:\nLink:\n")
        let run = try Notelint.run(["check", "note.md"], in: folder.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains(".notelint.yml:3:3: unknown rule `entry-blnk`; did you mean `entry-blank`?"))
    }

    @Test func explicitConfigurationOverridesTheNearestOne() throws {
        let folder = try TemporaryFolder()
        try folder.write(".notelint.yml", "version: 1\nrules:\n  entry-blank: error\n")
        try folder.write("quiet.yml", "version: 1\nrules:\n  entry-blank: off\n")
        try folder.write("note.md", "Title:\nLink:\n")
        let nearest = try Notelint.run(["check", "--quiet", "note.md"], in: folder.url)
        #expect(nearest.stdout == "note.md:1:1: error: entry has no values: a leftover template [entry-blank]\n")
        let explicit = try Notelint.run(["check", "--config", "quiet.yml", "note.md"], in: folder.url)
        #expect(explicit.status == 0)
        let missing = try Notelint.run(["check", "--config", "absent.yml", "note.md"], in: folder.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("absent.yml"))
    }

    @Test func versionAndHelp() throws {
        let version = try Notelint.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == PackagePaths.read("VERSION"))
        for command in ["check", "rules", "explain"] {
            let help = try Notelint.run([command, "--help"])
            #expect(help.status == 0, "\(command) --help")
            #expect(help.stdout.contains("USAGE"), "\(command) --help")
        }
        #expect(try Notelint.run(["check", "--help"]).stdout.contains("--fail-on"))
    }

    @Test func explainPrintsTheRulePage() throws {
        let run = try Notelint.run(["explain", "entry-heading-trap"])
        #expect(run.status == 0)
        let page = try String(contentsOf: PackagePaths.url("rules/entry-heading-trap.md"), encoding: .utf8)
        #expect(run.stdout == page)
        let unknown = try Notelint.run(["explain", "entry-heading-trp"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean `entry-heading-trap`?"))
    }

    @Test func completionScriptsAreGenerated() throws {
        let run = try Notelint.run(["--generate-completion-script", "bash"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("notelint"))
        #expect(run.stdout.contains("check"))
    }
}
