import Foundation
import JSONRPC
import NoteInvariants
import Testing

@testable import LanguageServer

/// Random edits sent as incremental changes leave the server with the same text, and the same
/// diagnostics, as opening the final text fresh.
@Suite struct IncrementalSyncPropertyTests {
    static let pieces = [
        "a", " ", "\n", "\r\n", "\n\n", "[^a]", "[^a]: x\n", "Title: ", "Link: https://arxiv.org/abs/2104.09864",
        "Date: 2021-04-20", "---\n", "`", "```\n", "é", "e\u{301}", "中", "😀", "\t", "<!--", "-->", ">",
    ]

    /// A client's view of the text: UTF-16 code units, and LSP positions per its line breaks
    /// (`\n`, `\r\n` or a lone `\r`).
    struct Model {
        var text: String

        func position(ofUTF16 offset: Int) -> JSON {
            var line = 0
            var lineStart = 0
            let units = Array(text.utf16)
            var index = 0
            while index < offset {
                if units[index] == 0x0A || (units[index] == 0x0D && (index + 1 >= units.count || units[index + 1] != 0x0A)) {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
            return LanguageServerTests.position(line, offset - lineStart)
        }

        /// Offsets where an edit may start or end: scalar boundaries, not inside a CRLF.
        var boundaries: [Int] {
            var result: [Int] = []
            var offset = 0
            var previous: Unicode.Scalar? = nil
            for scalar in text.unicodeScalars {
                if !(previous == "\r" && scalar == "\n") { result.append(offset) }
                offset += scalar.utf16.count
                previous = scalar
            }
            result.append(offset)
            return result
        }

        mutating func replace(_ start: Int, _ end: Int, with new: String) {
            let units = Array(text.utf16)
            text = String(decoding: Array(units[..<start]) + Array(new.utf16) + Array(units[end...]), as: UTF16.self)
        }
    }

    @Test func randomIncrementalEditsEqualAFreshOpen() throws {
        let client = TestClient()
        _ = try client.initialize()
        let notes = RandomNotes(notes: [])
        var generator = SeededGenerator(seed: 0x5359_4E43)
        for round in 0..<12 {
            let uri = "file:///tmp/notelint-sync/\(round).md"
            let fresh = "file:///tmp/notelint-sync/\(round)-fresh.md"
            var model = Model(text: String(decoding: notes.samples.randomElement(using: &generator)!, as: UTF8.self))
            client.open(uri, model.text, version: 1)
            var version = 1
            for _ in 0..<25 {
                version += 1
                var changes: [JSON] = []
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let new = (0..<Int.random(in: 0...3, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }
                        .joined()
                    if Int.random(in: 0..<30, using: &generator) == 0 {
                        model.text = new
                        changes.append(.object([("text", .string(new))]))
                        continue
                    }
                    let boundaries = model.boundaries
                    let a = boundaries.randomElement(using: &generator)!
                    let b = Int.random(in: 0..<3, using: &generator) == 0 ? a : boundaries.randomElement(using: &generator)!
                    let (start, end) = (min(a, b), max(a, b))
                    changes.append(
                        .object([
                            ("range", range(model.position(ofUTF16: start), model.position(ofUTF16: end))), ("text", .string(new)),
                        ]))
                    model.replace(start, end, with: new)
                }
                client.change(uri, version: version, changes)
            }
            client.open(fresh, model.text, version: version)
            let kept = client.server.queue.sync { client.server.documents[uri]?.file.bytes }
            #expect(kept == Array(model.text.utf8), "round \(round): the server's text differs from the client's")
            let incremental = try client.diagnostics(uri, version: version)
            let opened = try client.diagnostics(fresh, version: version)
            #expect(
                incremental.map { $0.serialized().replacingOccurrences(of: uri, with: fresh) } == opened.map { $0.serialized() },
                "round \(round): diagnostics differ")
        }
    }
}
