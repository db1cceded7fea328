import Foundation
import JSONRPC
import Testing

@testable import LanguageServer

/// A diagnostic written from a template, at any first line and version, is the text its own
/// JSON serialises to; the renderer reuses a template only for the same finding.
@Suite struct DiagnosticTemplateTests {
    static func position(_ line: Int, _ character: Int) -> LSP.Position { LSP.Position(line: line, character: character) }

    static func range(_ line: Int, _ start: Int, _ endLine: Int, _ end: Int) -> LSP.Range {
        LSP.Range(start: position(line, start), end: position(endLine, end))
    }

    /// A finding on `line` with a fix, a related location above it and a suppression edit.
    static func diagnostic(line: Int, version: Int, message: String = "a \"quoted\" line\tbreak\n") -> LSP.Diagnostic {
        LSP.Diagnostic(
            range: range(line, 3, line + 1, 0), severity: .warning, code: "entry-duplicate",
            href: "https://example.org/rules/entry-duplicate.md", message: message, unnecessary: true,
            related: [
                LSP.DiagnosticRelatedInformation(
                    location: LSP.Location(uri: "file:///n.md", range: range(2, 0, 2, 10)), message: "first here")
            ],
            data: DiagnosticData(
                rule: "entry-duplicate", version: version,
                fix: DiagnosticData.Fix(
                    title: "Remove", applicability: "unsafe",
                    edits: [LSP.TextEdit(range: range(line, 0, line + 2, 0), newText: "line\r\n")])))
    }

    @Test(arguments: [(0, 1), (7, 12), (12_345, 99)])
    func aTemplateWritesWhatTheDiagnosticSerialisesTo(line: Int, version: Int) throws {
        let absolute = Self.diagnostic(line: line, version: version)
        let template = DiagnosticTemplate(relative: absolute.movingLines(by: -line))
        var written: [UInt8] = []
        template.write(into: &written, firstLine: line, version: version)
        #expect(String(decoding: written, as: UTF8.self) == absolute.json.serialized())
    }

    @Test func theRendererMovesAKeptFindingAndRendersAChangedOne() throws {
        let renderer = DiagnosticRenderer()
        let first = [Self.diagnostic(line: 10, version: 1), Self.diagnostic(line: 20, version: 1, message: "other")]
        _ = renderer.json(first, version: 1)
        // Two lines inserted above both; the second finding's message changed.
        let second = [Self.diagnostic(line: 12, version: 2), Self.diagnostic(line: 22, version: 2, message: "changed")]
        let rendered = renderer.json(second, version: 2)
        #expect(try JSON.parse(Data(rendered.serialized().utf8)) == .array(second.map(\.json)))
        // The related location stays on line 2 while the finding moves: not the same template.
        let moved = renderer.json([Self.diagnostic(line: 40, version: 3)], version: 3)
        #expect(try JSON.parse(Data(moved.serialized().utf8)) == .array([Self.diagnostic(line: 40, version: 3).json]))
    }

    /// Publishes in a row where findings appear, go, change and move, some identical but for
    /// their line: each publish writes exactly what serialising its diagnostics would.
    @Test func everyPublishIsWhatItsDiagnosticsSerialiseTo() throws {
        var generator = SystemRandomNumberGenerator()
        let messages = ["one", "two", "a \"quoted\" one", "three"]
        var findings = (0..<120).map { (line: 4 * $0, message: messages[$0 % messages.count]) }
        let renderer = DiagnosticRenderer()
        for version in 1...60 {
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                findings.insert(
                    (Int.random(in: 0..<500, using: &generator), "new"), at: Int.random(in: 0...findings.count, using: &generator))
            case 1 where !findings.isEmpty: findings.remove(at: Int.random(in: 0..<findings.count, using: &generator))
            case 2 where !findings.isEmpty: findings[Int.random(in: 0..<findings.count, using: &generator)].message = "changed \(version)"
            default:
                let from = Int.random(in: 0..<500, using: &generator)
                findings = findings.map { $0.line >= from ? (line: $0.line + 2, message: $0.message) : $0 }
            }
            let diagnostics = findings.map { Self.diagnostic(line: $0.line, version: version, message: $0.message) }
            let rendered = renderer.json(diagnostics, version: version)
            #expect(try JSON.parse(Data(rendered.serialized().utf8)) == .array(diagnostics.map(\.json)), "version \(version)")
        }
    }
}
