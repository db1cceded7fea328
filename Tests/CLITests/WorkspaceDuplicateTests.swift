import Foundation
import TestSupport
import Testing

/// `entry-duplicate` with `scope: workspace`: `notelint check` compares the files it is
/// given, the earlier path holding the first entry.
@Suite struct WorkspaceDuplicateTests {
    private let first = "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n"
    private let second =
        "Intro.\n\nTitle: Rotary\nLink: https://arxiv.org/pdf/2104.09864v2\nDate: 20 Apr 2021\n\nTitle: roformer\nYear: 2021\n"

    @Test func duplicatesAcrossFilesNeedTheOption() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", first)
        try folder.write("b.md", second)
        let plain = try Notelint.run(["check", "--no-cache", "--select", "entry-duplicate"], in: folder.url)
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("[entry-duplicate]"))

        try folder.write(".notelint.yml", "version: 1\nrules:\n  entry-duplicate:\n    scope: workspace\n")
        let run = try Notelint.run(["check", "--select", "entry-duplicate"], in: folder.url)
        #expect(run.status == 1)
        #expect(
            run.stdout.split(separator: "\n").filter { $0.hasSuffix("]") } == [
                "b.md:4:7: warning: duplicate entry: same link as the entry on line 2 of a.md [entry-duplicate]",
                "b.md:7:8: warning: duplicate entry: same title as the entry on line 1 of a.md [entry-duplicate]",
            ])
        // A second run (the result cache is not used for such findings) says the same.
        #expect(try Notelint.run(["check", "--select", "entry-duplicate"], in: folder.url).stdout == run.stdout)
        // One title with two different links is two papers, across notes as within one.
        try folder.write("c.md", "Title: RoFormer\nLink: https://example.org/roformer-slides\n")
        #expect(!(try Notelint.run(["check", "--select", "entry-duplicate", "c.md", "a.md"], in: folder.url).stdout.contains("c.md:")))
        // Given alone, b.md has nothing to be compared with.
        #expect(try Notelint.run(["check", "--select", "entry-duplicate", "b.md"], in: folder.url).status == 0)
    }

    @Test func suppressionsAndSeveritiesApply() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", first)
        try folder.write("b.md", "<!-- notelint-disable-next-line entry-duplicate -->\n" + first)
        try folder.write("c.md", first)
        try folder.write(".notelint.yml", "version: 1\nrules:\n  entry-duplicate:\n    severity: error\n    scope: workspace\n")
        let run = try Notelint.run(["check", "--no-cache", "--select", "entry-duplicate"], in: folder.url)
        #expect(
            run.stdout.split(separator: "\n").filter { $0.hasSuffix("]") } == [
                "c.md:2:7: error: duplicate entry: same link as the entry on line 2 of a.md [entry-duplicate]"
            ])
        try folder.write(".notelint.yml", "version: 1\nrules:\n  entry-duplicate:\n    scope: everywhere\n")
        let bad = try Notelint.run(["check", "--no-cache"], in: folder.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("option `scope`: expected `note` or `workspace`, not `everywhere`"))
    }
}
