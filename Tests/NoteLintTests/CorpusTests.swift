import Foundation
import NoteLint
import NoteSyntax
import TestSupport
import Testing

/// One note of `fixtures/corpus` with the findings its sidecar (`NAME.expected`) lists: notes
/// in the shapes people write, labelled by reading them (see fixtures/corpus/README.md).
struct CorpusNote: CustomTestStringConvertible, Sendable {
    struct Expectation: Hashable, Sendable {
        let line: Int
        let rule: String
    }

    static let folder = "fixtures/corpus"

    let name: String

    var testDescription: String { name }

    static var all: [CorpusNote] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.path(folder))) ?? []
        return names.filter { $0.hasSuffix(".md") && names.contains(String($0.dropLast(3)) + ".expected") }
            .sorted().map(CorpusNote.init)
    }

    var text: [UInt8] { Array(FileManager.default.contents(atPath: PackagePaths.path("\(Self.folder)/\(name)")) ?? Data()) }

    /// `LINE RULE-ID` per line, optionally followed by `# why`; `#` lines are comments.
    var expectations: Set<Expectation> {
        let sidecar = PackagePaths.read("\(Self.folder)/\(name.dropLast(3)).expected") ?? ""
        var found: Set<Expectation> = []
        for raw in sidecar.split(separator: "\n", omittingEmptySubsequences: false) {
            let body = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let parts = body.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard !parts.isEmpty else { continue }
            if parts.count == 2, let line = Int(parts[0]) {
                found.insert(Expectation(line: line, rule: String(parts[1])))
            } else {
                Issue.record("\(name): sidecar line is not `LINE RULE-ID`: \(raw)")
            }
        }
        return found
    }
}

/// Every corpus note is linted with the default configuration, no arXiv metadata and a fixed
/// today (1 Dec 2026, when the corpus was written), so the result depends on the note alone.
/// Every finding its sidecar lists must be reported (at any severity), and nothing else may be
/// reported at warning or error; info findings the sidecar does not list are allowed.
@Suite struct CorpusTests {
    static let today = CalendarDay(year: 2026, month: 12, day: 1)

    @Test func corpusIsThere() {
        #expect(CorpusNote.all.count >= 40)
    }

    @Test(arguments: CorpusNote.all)
    func findingsMatchTheSidecar(_ note: CorpusNote) throws {
        let linter = try Linter(configuration: .defaults, today: Self.today)
        let source = SourceText(bytes: note.text)
        let diagnostics = linter.lint(source).diagnostics
        func line(_ diagnostic: Diagnostic) -> Int {
            source.lineIndex.position(of: diagnostic.range.start, in: .unicodeScalar).line + 1
        }
        let reported = Set(diagnostics.map { CorpusNote.Expectation(line: line($0), rule: $0.ruleID) })
        let expected = note.expectations

        let missed = expected.subtracting(reported).sorted { ($0.line, $0.rule) < ($1.line, $1.rule) }
        for expectation in missed {
            Issue.record("not reported: \(note.name):\(expectation.line) \(expectation.rule)")
        }
        for diagnostic in diagnostics where diagnostic.severity >= .warning {
            guard !expected.contains(CorpusNote.Expectation(line: line(diagnostic), rule: diagnostic.ruleID)) else { continue }
            Issue.record(
                "not expected: \(note.name):\(line(diagnostic)) \(diagnostic.ruleID) (\(diagnostic.severity.rawValue)) \(diagnostic.message)"
            )
        }
    }
}
