import Foundation
import TestSupport
import Testing

@testable import NoteSyntax

/// `Note.dump()` of each fixture is compared with a committed golden file. Run with
/// `NOTELINT_UPDATE_GOLDENS=1` to rewrite the goldens instead, then review the diff.
@Suite struct DumpGoldenTests {
    @Test(arguments: ["example-note"])
    func dumpMatchesGolden(fixture: String) throws {
        let input = PackagePaths.url("fixtures/\(fixture).md")
        let golden = PackagePaths.url("Tests/NoteSyntaxTests/Goldens/\(fixture).dump.txt")
        let bytes = try [UInt8](Data(contentsOf: input))
        let dump = Note(source: SourceText(bytes: bytes)).dump()
        if Golden.updating {
            try Data(dump.utf8).write(to: golden, options: .atomic)
            return
        }
        guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            Issue.record("missing golden \(golden.path): run the tests with NOTELINT_UPDATE_GOLDENS=1")
            return
        }
        let actualLines = dump.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = zip(actualLines, expectedLines).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("line \(first.offset + 1) differs:\n  expected: \(first.element.1)\n  actual:   \(first.element.0)")
        }
        #expect(actualLines.count == expectedLines.count)
        #expect(dump == expected)
    }

    @Test func dumpFormat() {
        let note = Note("---\ntitle: é\n---\nTitle: x\nYear: 2020\n---\n\nSee[^a] <!-- c -->\n\n[^a]: def\n\n<!-- standalone -->\n")
        #expect(
            note.dump() == """
                front-matter 1-3
                  key "title"@2:1 = "é"@2:8
                document 1-13
                  heading(level: 2) 4-6
                  paragraph 8-8
                  htmlBlock 12-12
                  footnoteDefinition 10-11
                    paragraph 10-10
                entry 4-5 setext-underline 6
                  field 4 Title (title) = "x"
                  field 5 Year (year) = "2020"
                footnote-ref 8:4 [^a]
                footnote-def 10-10 [^a] = "def"
                comment 12 "standalone"

                """)
    }
}
