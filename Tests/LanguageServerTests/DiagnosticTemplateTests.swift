import Foundation
import JSONRPC
import NoteInvariants
import NoteSyntax
import Testing

@testable import LanguageServer
@testable import NoteLint

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
        let digits = Array(String(version).utf8)
        let written = [UInt8](unsafeUninitializedCapacity: template.byteCountBound) { buffer, count in
            let end = digits.withUnsafeBufferPointer { template.write(to: buffer.baseAddress!, firstLine: line, version: $0) }
            count = end - buffer.baseAddress!
        }
        #expect(String(decoding: written, as: UTF8.self) == absolute.json.serialized())
    }

    static let converter = DiagnosticConverter(codec: PositionCodec(unit: .utf16), pages: RulePages(localFolder: nil), docsURL: nil)

    /// What the renderer must write: every finding converted afresh.
    static func fresh(_ findings: [NoteLint.Diagnostic], note: Note, document: Document) -> JSON {
        .array(converter.convert(findings, note: note, document: document).map(\.json))
    }

    /// A finding over `range` with a fix on it and a related place at `related`.
    static func finding(_ range: ByteRange, related: ByteRange, message: String) -> NoteLint.Diagnostic {
        NoteLint.Diagnostic(
            ruleID: "entry-duplicate", severity: .warning, message: message, range: range,
            related: [RelatedLocation(range: related, message: "first here")],
            fix: Fix(title: "Remove", applicability: .unsafe, edits: [TextEdit(range: range, newText: "line\n")]))
    }

    @Test func aFindingMovedBelowAnEditKeepsItsTemplateAndOneOnTheEditedLineDoesNot() throws {
        let renderer = DiagnosticRenderer()
        let text = "one\ntwo\nthree\nfour\n"
        let first = Document(uri: "file:///n.md", version: 1, text: text)
        let findings = [
            Self.finding(ByteRange(4, 7), related: ByteRange(0, 3), message: "on two"),
            Self.finding(ByteRange(14, 18), related: ByteRange(14, 15), message: "on four"),
        ]
        _ = renderer.json(findings, note: Note(source: first.source), document: first, converter: Self.converter)
        // `é\n` typed at the start of `three`: `four` moves a line down, `two` stays.
        let second = Document(uri: "file:///n.md", version: 2, text: "one\ntwo\né\nthree\nfour\n")
        let note = Note(source: second.source)
        let moved = [findings[0], findings[1].moved(bytes: 3)]
        let rendered = renderer.json(moved, note: note, document: second, converter: Self.converter)
        #expect(try JSON.parse(Data(rendered.serialized().utf8)) == Self.fresh(moved, note: note, document: second))
    }

    /// Random edits of a text with every kind of line break and multi-byte characters, the
    /// findings kept, moved, dropped, changed and added as a lint would: every publish writes
    /// exactly what converting its findings afresh would.
    @Test(arguments: [LineIndex.Unit.utf16, .utf8])
    func everyPublishIsWhatConvertingItsFindingsWouldWrite(unit: LineIndex.Unit) throws {
        let converter = DiagnosticConverter(codec: PositionCodec(unit: unit), pages: RulePages(localFolder: nil), docsURL: nil)
        var generator = SeededGenerator(seed: 0x5055_424C)
        let pieces = ["a", "bc ", "\n", "\r\n", "\r", "\n\n", "é", "中", "😀", "\t", "Title: x\n"]
        func piece() -> String { pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
        var text = (0..<200).map { _ in piece() }.joined()
        /// Scalar boundaries of the text, a CRLF's middle included.
        func boundaries() -> [Int] {
            var result = [0]
            for scalar in text.unicodeScalars { result.append(result.last! + scalar.utf8.count) }
            return result
        }
        func randomRange(_ points: [Int]) -> ByteRange {
            let a = points[Int.random(in: 0..<points.count, using: &generator)]
            let b = points[Int.random(in: 0..<points.count, using: &generator)]
            return ByteRange(min(a, b), min(max(a, b), min(a, b) + 40))
        }
        func newFinding(_ points: [Int], _ name: String) -> NoteLint.Diagnostic {
            Self.finding(randomRange(points), related: randomRange(points), message: name)
        }
        var findings: [NoteLint.Diagnostic] = []
        let renderer = DiagnosticRenderer()
        for version in 1...300 {
            if version > 1 {
                let points = boundaries()
                let edited = randomRange(points)
                let inserted = Int.random(in: 0..<3, using: &generator) == 0 ? "" : piece()
                var bytes = Array(text.utf8)
                bytes.replaceSubrange(edited.start..<edited.end, with: Array(inserted.utf8))
                text = String(decoding: bytes, as: UTF8.self)
                let delta = inserted.utf8.count - edited.length
                // As a lint keeps findings: those clear of the edit stay or move, the rest go.
                findings = findings.compactMap { finding in
                    let ranges = [finding.range] + finding.related.map(\.range) + (finding.fix?.edits.map(\.range) ?? [])
                    if ranges.allSatisfy({ $0.end <= edited.start }) { return finding }
                    if ranges.allSatisfy({ $0.start >= edited.end }) { return finding.moved(bytes: delta) }
                    return nil
                }
            }
            let points = boundaries()
            for _ in 0..<Int.random(in: 0..<4, using: &generator) { findings.append(newFinding(points, "new \(version)")) }
            if !findings.isEmpty, Int.random(in: 0..<4, using: &generator) == 0 {
                let index = Int.random(in: 0..<findings.count, using: &generator)
                let changed = findings[index]
                findings[index] = Self.finding(changed.range, related: changed.related[0].range, message: "changed \(version)")
            }
            findings.sort { ($0.range.start, $0.range.end, $0.message) < ($1.range.start, $1.range.end, $1.message) }
            let document = Document(uri: "file:///n.md", version: version, text: text)
            let note = Note(source: document.source)
            let rendered = renderer.json(findings, note: note, document: document, converter: converter)
            let expected = JSON.array(converter.convert(findings, note: note, document: document).map(\.json))
            #expect(try JSON.parse(Data(rendered.serialized().utf8)) == expected, "version \(version)")
        }
    }
}
