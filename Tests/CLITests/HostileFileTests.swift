import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Files that are not notes, and notes that hold what a terminal or a report format cannot
/// take as it is: every output format stays small, readable and well-formed.
@Suite struct HostileFileTests {
    /// Bytes that are no text, NULs among them, the same on every run.
    private static let binary: Data = {
        var state: UInt32 = 2_463_534_242
        return Data(
            (0..<200_000).map { _ in
                state ^= state << 13
                state ^= state >> 17
                state ^= state << 5
                return UInt8(truncatingIfNeeded: state)
            })
    }()

    private static func findings(in run: Run, format: String) throws -> Int {
        let lines = run.stdout.split(separator: "\n")
        switch format {
        case "text", "concise": return lines.filter { $0.hasSuffix("]") && $0.contains(": error: ") }.count
        case "github": return lines.filter { $0.hasPrefix("::") }.count
        case "junit": return lines.filter { $0.contains("<failure ") }.count
        case "json": return try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [Any]).count
        case "sarif":
            let sarif = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let runs = try #require(sarif["runs"] as? [[String: Any]])
            return try #require(runs.first?["results"] as? [Any]).count
        default: return lines.count
        }
    }

    /// The bytes of the output that report findings: SARIF's `results`, all of any other.
    static func findingBytes(in run: Run, format: String) throws -> Int {
        guard format == "sarif" else { return run.stdout.utf8.count }
        let sarif = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"])
        return try JSONSerialization.data(withJSONObject: results).count
    }

    @Test(arguments: ["text", "concise", "json", "sarif", "github", "junit"])
    func aBinaryFileGetsExactlyOneFinding(_ format: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("image.md", Self.binary)
        let run = try Notelint.run(["check", "--format", format, "--show-source", "image.md"], in: folder.url)
        #expect(run.status == 1)
        #expect(try Self.findings(in: run, format: format) == 1)
        #expect(run.stdout.contains("binary file: "))
        // SARIF lists every rule with its page; the finding itself is small there too.
        #expect(try Self.findingBytes(in: run, format: format) < 2_000)
    }

    @Test func aBinaryFileCountsOnceInTheStatistics() throws {
        let folder = try TemporaryFolder()
        try folder.write("image.md", Self.binary)
        let run = try Notelint.run(["check", "--statistics", "image.md"], in: folder.url)
        #expect(run.stdout.split(separator: "\n").dropFirst().first?.hasPrefix("    1  file-encoding  ") == true)
        #expect(run.stdout.split(separator: "\n").last?.hasPrefix("1 finding") == true)
    }

    /// ESC clears the screen here, and U+202E turns the rest of the line around.
    private let escaping = "Title: A\nLink: https://example.org\nDate: 20\u{1B}[2J\u{202E}21\n"

    @Test func textAndConciseShowControlCharactersEscaped() throws {
        let folder = try TemporaryFolder()
        try folder.write("note.md", escaping)
        let text = try Notelint.run(["check", "--show-source", "--color", "never", "note.md"], in: folder.url)
        let concise = try Notelint.run(["check", "--format", "concise", "note.md"], in: folder.url)
        for run in [text, concise] {
            #expect(!run.stdout.contains("\u{1B}"))
            #expect(!run.stdout.contains("\u{202E}"))
            #expect(run.stdout.contains("note.md:3:7: info: `20\\x1b[2J\\u{202e}21` is not a date notelint reads"))
        }
        // The carets stand under the value as shown, escapes included; the column is the file's.
        let shown = "20\\x1b[2J\\u{202e}21"
        #expect(text.stdout.contains("3 | Date: \(shown)\n  |       \(String(repeating: "^", count: shown.count))\n"))
    }

    @Test func githubAndJUnitEscapeControlCharactersInMessages() throws {
        let folder = try TemporaryFolder()
        try folder.write("note.md", escaping + "\nText.[^a%\u{7}b]\n")
        let github = try Notelint.run(["check", "--format", "github", "note.md"], in: folder.url)
        #expect(github.stdout.contains("title=date-invalid::`20\\x1b[2J\\u{202e}21` is not a date"))
        #expect(github.stdout.contains("::footnote `[^a%25\\x07b]` is not defined\n"))
        let junit = try Notelint.run(["check", "--format", "junit", "note.md"], in: folder.url)
        #expect(junit.stdout.contains("message=\"`20\\x1b[2J\\u{202e}21` is not a date"))
        #expect(!junit.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(XMLParser(data: Data(junit.stdout.utf8)).parse())
    }

    @Test func aTwoMegabyteLineStaysOutOfTheReportButNotOutOfTheFix() throws {
        let count = 300_000
        let subjects = Array(repeating: "cs.LG,", count: count).joined(separator: " ")
        let folder = try TemporaryFolder()
        try folder.write("long.md", "Title: A\nLink: https://example.org\nDate: 1 Jan 2021\nSubjects: \(subjects)\n")
        let text = try Notelint.run(["check", "--show-source", "--color", "never", "long.md"], in: folder.url)
        #expect(text.stdout.contains("long.md:4:11: info: subjects should read `Machine Learning (cs.LG); "))
        #expect(text.stdout.utf8.count < 4_000)
        let json = try Notelint.run(["check", "--format", "json", "long.md"], in: folder.url)
        let findings = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let fix = try #require(findings.first { $0["rule"] as? String == "subjects-format" }?["fix"] as? [String: Any])
        let edits = try #require(fix["edits"] as? [[String: Any]])
        #expect(edits.count == 1)
        #expect(edits.first?["newText"] as? String == Array(repeating: "Machine Learning (cs.LG)", count: count).joined(separator: "; "))
        #expect((fix["title"] as? String).map { $0.count < 300 } == true)
    }

    @Test func anExcerptOfALongLineIsCutAroundTheFinding() throws {
        let folder = try TemporaryFolder()
        try folder.write("long.md", "See " + String(repeating: "x", count: 2_000_000) + "[^nope], the end.\n")
        let run = try Notelint.run(["check", "--show-source", "--color", "never", "long.md"], in: folder.url)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "long.md:1:2000005: error: footnote `[^nope]` is not defined [footnote-undefined]")
        let excerpt = try #require(lines.dropFirst().first)
        let carets = try #require(lines.dropFirst(2).first)
        #expect(excerpt.hasPrefix("1 | …x"))
        #expect(excerpt.hasSuffix("x[^nope], the end."))
        #expect(excerpt.count < 250)
        let before = excerpt.distance(from: excerpt.startIndex, to: try #require(excerpt.range(of: "[^nope]")).lowerBound)
        #expect(carets == "  | " + String(repeating: " ", count: before - "1 | ".count) + "^^^^^^^")
    }
}
