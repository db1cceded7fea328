import Foundation
import TestSupport
import Testing

@Suite struct ExclusionTests {
    /// The rule pages, README and architecture notes hold examples in code fences only.
    @Test func theRepositoryItselfIsClean() throws {
        let run = try Notelint.run(["check", "."])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.hasPrefix("0 errors, 0 warnings, 0 infos in "))
    }

    @Test func excludedPathsAreSkippedInFolderSearchesButNotWhenNamed() throws {
        let folder = try TemporaryFolder()
        try folder.write(".notelint.yml", "version: 1\nexclude: [drafts/**, \"*.wip.md\"]\n")
        try folder.write("kept.md", "Title:\nLink:\n")
        try folder.write("drafts/a.md", "Title:\nLink:\n")
        try folder.write("notes/b.wip.md", "Title:\nLink:\n")
        let all = try Notelint.run(["check", "--quiet", "."], in: folder.url)
        #expect(all.stdout == "kept.md:1:1: warning: entry has no values: a leftover template [entry-blank]\n")
        let named = try Notelint.run(["check", "--quiet", "drafts"], in: folder.url)
        #expect(named.stdout == "drafts/a.md:1:1: warning: entry has no values: a leftover template [entry-blank]\n")
        let file = try Notelint.run(["check", "--quiet", "notes/b.wip.md"], in: folder.url)
        #expect(file.status == 1)
    }
}
