import Foundation
import TestSupport
import Testing

/// The README's sample run is what notelint prints today: the block after
/// `$ notelint check fixtures/example-note.md` is compared with a real run
/// (NOTELINT_UPDATE_GOLDENS=1 rewrites it).
@Suite struct ReadmeSampleTests {
    @Test func theSampleOutputIsARealRun() throws {
        let command = "$ notelint check fixtures/example-note.md\n"
        let run = try Notelint.run(["check", "--no-cache", "--color", "never", "--no-show-source", "fixtures/example-note.md"])
        #expect(run.status == 1)
        let readme = try #require(PackagePaths.read("README.md"))
        let start = try #require(readme.range(of: "```\n" + command), "README.md has no sample run").upperBound
        let end = try #require(readme.range(of: "```\n", range: start..<readme.endIndex)).lowerBound
        if Golden.updating {
            let updated = readme.replacingCharacters(in: start..<end, with: run.stdout)
            try updated.write(to: PackagePaths.url("README.md"), atomically: true, encoding: .utf8)
            return
        }
        #expect(String(readme[start..<end]) == run.stdout, "README.md's sample run is stale: run the tests with NOTELINT_UPDATE_GOLDENS=1")
    }
}
