import Foundation
import TestSupport
import Testing

/// The CLI's output on the bundled fixtures, compared with committed goldens.
@Suite struct GoldenOutputTests {
    @Test func textOutput() throws {
        let run = try Notelint.run(["check", "fixtures", "--no-show-source", "--color", "never"])
        #expect(run.status == 1)
        #expect(run.stderr == "")
        #expect(try Golden.matches(run.stdout, file: "fixtures/expected/check.txt"), "\(run.stdout)")
    }

    @Test func textOutputWithSourceLines() throws {
        let run = try Notelint.run([
            "check", "fixtures/entries.md", "fixtures/example-note.md", "fixtures/encoding.md", "--show-source", "--color", "never",
        ])
        #expect(run.status == 1)
        #expect(try Golden.matches(run.stdout, file: "fixtures/expected/check-source.txt"), "\(run.stdout)")
    }

    @Test func jsonOutput() throws {
        let run = try Notelint.run(["check", "fixtures", "--format", "json"])
        #expect(run.status == 1)
        #expect(try Golden.matches(run.stdout, file: "fixtures/expected/check.json"), "\(run.stdout)")
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        let findings = try #require(parsed)
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(Set(finding.keys) == ["path", "rule", "severity", "message", "range", "related", "fix"])
            #expect(["error", "warning", "info"].contains(finding["severity"] as? String))
        }
    }

    @Test func rulesListing() throws {
        let run = try Notelint.run(["rules"])
        #expect(run.status == 0)
        #expect(try Golden.matches(run.stdout, file: "fixtures/expected/rules.txt"), "\(run.stdout)")
    }

    /// The acceptance check on the real note: its two blank entries, its placeholder title and
    /// excerpt, the `20 Apr. 2021` date style, the tabs after `Subjects:`, the 1604.01356 entry
    /// dated October 2016, and nothing else at warning or above.
    @Test func exampleNoteFindings() throws {
        let run = try Notelint.run(["check", "fixtures/example-note.md", "--format", "json"])
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let summary = findings.map { finding -> String in
            let range = finding["range"] as! [String: [String: Int]]
            return "\(range["start"]!["line"]!) \(finding["rule"]!)"
        }
        #expect(
            summary == [
                "3 field-whitespace", "3 front-matter-placeholder", "5 front-matter-placeholder",
                "13 date-format", "14 field-whitespace", "77 field-whitespace", "84 field-whitespace", "91 field-whitespace",
                "104 date-arxiv-mismatch", "123 entry-blank", "130 entry-blank",
            ])
        let severities = findings.map { "\($0["severity"]!)" }
        let atLeastWarning = zip(summary, severities).filter { $0.1 != "info" }.map(\.0)
        #expect(
            atLeastWarning == [
                "3 front-matter-placeholder", "5 front-matter-placeholder", "104 date-arxiv-mismatch",
                "123 entry-blank", "130 entry-blank",
            ])
    }
}
