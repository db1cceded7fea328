import Foundation
import NoteLint
import NoteSyntax
import TestSupport
import Testing

/// The language server lints a note on several threads: the findings must be those of one.
@Suite struct ParallelLintTests {
    @Test func threadsChangeNoFinding() throws {
        var linter = try Linter(today: CalendarDay(year: 2026, month: 12, day: 6))
        let folder = PackagePaths.path("fixtures/corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        // One long note of every corpus note: enough entries to be split across threads.
        let text = try files.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }.joined(separator: "\n\n")
        let note = linter.parse(SourceText(String(repeating: text + "\n\n", count: 3)))
        #expect(note.entries.count >= 64)
        let alone = linter.lint(note).diagnostics
        linter.threadsPerNote = 4
        for _ in 0..<5 {
            #expect(linter.lint(note).diagnostics == alone)
        }
        #expect(linter.entryFacts(note).map(\.entry) == note.entries)
        #expect(!alone.isEmpty)
    }
}
