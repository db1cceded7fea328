import Foundation
import TestSupport
import Testing

/// Every output format on the bundled fixtures, compared with committed goldens. The SARIF
/// report names each rule's page by its `file:` URI, which depends on where the checkout is;
/// that prefix is replaced before comparing.
@Suite struct FormatGoldenTests {
    @Test(arguments: [
        ("concise", "check.concise.txt"),
        ("github", "check.github.txt"),
        ("junit", "check.junit.xml"),
        ("sarif", "check.sarif.json"),
    ])
    func format(_ format: String, _ golden: String) throws {
        let run = try Notelint.run(["check", "fixtures", "--format", format])
        #expect(run.status == 1)
        #expect(run.stderr == "")
        let portable = run.stdout.replacingOccurrences(of: "file://" + PackagePaths.root.path, with: "file://<checkout>")
        #expect(try Golden.matches(portable, file: "fixtures/expected/\(golden)"), "\(run.stdout.prefix(2000))")
    }

    @Test func statistics() throws {
        let run = try Notelint.run(["check", "fixtures", "--statistics"])
        #expect(run.status == 1)
        #expect(try Golden.matches(run.stdout, file: "fixtures/expected/check.statistics.txt"), "\(run.stdout)")
    }

    @Test func outputFileGetsTheFormatAndTheTerminalTheText() throws {
        let folder = try TemporaryFolder()
        let report = folder.url.appendingPathComponent("report.json").path
        let run = try Notelint.run([
            "check", "fixtures/footnotes.md", "--format", "json", "--output-file", report, "--color", "never", "--no-show-source",
        ])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("fixtures/footnotes.md:6:68: error: footnote `[^missing]` is not defined [footnote-undefined]\n"))
        #expect(run.stdout.hasSuffix("2 errors, 2 warnings, 0 infos in 1 file\n"))
        let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: report))) as? [[String: Any]]
        #expect(json?.count == 4)
        let unwritable = try Notelint.run(["check", "fixtures/footnotes.md", "--output-file", "/no/such/folder/report.json"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("/no/such/folder/report.json"))
    }

    @Test func githubCommandsEscapeTheirData() throws {
        let folder = try TemporaryFolder()
        try folder.write("a,b:c.md", "Text.[^x%y]\n")
        let run = try Notelint.run(["check", "--format", "github", "a,b:c.md"], in: folder.url)
        #expect(
            run.stdout
                == "::error file=a%2Cb%3Ac.md,line=1,col=6,endLine=1,endColumn=12,title=footnote-undefined::footnote `[^x%25y]` is not defined\n"
        )
    }

    /// A relative path becomes a URI reference: letters, digits and `-._~/` as they are, every
    /// other byte percent-encoded in upper case.
    @Test func sarifLocationsAreRelativeURIReferences() throws {
        let folder = try TemporaryFolder()
        try folder.write("notes/a b (é)#1~x.md", "Text.[^x]\n")
        let run = try Notelint.run(["check", "--no-cache", "--format", "sarif", "notes/a b (é)#1~x.md"], in: folder.url)
        #expect(run.stdout.contains("\"uri\": \"notes/a%20b%20%28%C3%A9%29%231~x.md\""), "\(run.stdout)")
    }
}
