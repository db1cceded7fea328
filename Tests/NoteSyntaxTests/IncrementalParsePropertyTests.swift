import Foundation
import NoteInvariants
import TestSupport
import Testing

@testable import NoteSyntax

/// A note updated for an edit (`Note.applying`) equals the note parsed afresh from the edited
/// text, whatever the edit: random notes, random edits, several in a row.
@Suite struct IncrementalParsePropertyTests {
    static let pieces = [
        "a", " ", "\n", "\r", "\r\n", "\n\n", "[^a]", "[^a]: x\n", "Title: ", "Link: https://arxiv.org/abs/2104.09864\n",
        "Date: 2021-04-20\n", "---\n", "---", "===\n", "`", "```\n", "~~~", "    ", "- ", "1. ", "> ", "* a\n", "| a | b |\n",
        "|---|---|\n", "<!--", "-->", "<div>\n", "</div>", "# ", "é", "中", "😀", "\t", "\u{0}", "[^b]", "[^b]: y\n", "[^c]", "[foo]",
        "[foo]: /url\n", "`[^a]`", "\\", "    [^a]\n", "[^a]\n",
    ]

    static func fixtures() -> [[UInt8]] {
        let folder = PackagePaths.path("fixtures")
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        return files.sorted().compactMap { FileManager.default.contents(atPath: folder + "/" + $0).map { Array($0) } }
    }

    @Test func editedNotesEqualFreshParses() {
        let notes = RandomNotes(notes: Self.fixtures())
        var generator = SeededGenerator(seed: 0x494E_4352)
        var edits = 0
        var reparsedLocally = 0
        for iteration in 0..<600 {
            var bytes = notes.note(using: &generator)
            var note = Note(source: SourceText(bytes: bytes))
            for step in 0..<Int.random(in: 1...4, using: &generator) {
                let start = Int.random(in: 0...bytes.count, using: &generator)
                let end = Int.random(in: start...min(bytes.count, start + Int.random(in: 0...30, using: &generator)), using: &generator)
                let inserted: [UInt8]
                if Bool.random(using: &generator) {
                    inserted = Array(Self.pieces.randomElement(using: &generator)!.utf8)
                } else {
                    let other = notes.samples.randomElement(using: &generator)!
                    let from = Int.random(in: 0...other.count, using: &generator)
                    inserted = Array(other[from..<min(other.count, from + Int.random(in: 0...80, using: &generator))])
                }
                let previous = bytes
                bytes.replaceSubrange(start..<end, with: inserted)
                let edit = TextReplacement(range: ByteRange(start, end), insertedCount: inserted.count)
                let source = SourceText(bytes: bytes)
                let fresh = Note(source: source)
                if BlockReparse.blocks(of: note, after: edit, source: source, frontMatter: fresh.frontMatter) != nil {
                    reparsedLocally += 1
                }
                let updated = note.applying(edit, giving: source)
                edits += 1
                let context =
                    "iteration \(iteration) step \(step): \(start)..<\(end) of \(String(decoding: previous, as: UTF8.self).debugDescription) replaced by \(String(decoding: inserted, as: UTF8.self).debugDescription)"
                #expect(updated.blocks == fresh.blocks, "\(context)")
                #expect(updated.lineKinds == fresh.lineKinds, "\(context)")
                #expect(updated.entries == fresh.entries, "\(context)")
                #expect(updated.footnotes == fresh.footnotes, "\(context)")
                #expect(updated.dump() == fresh.dump(), "\(context)")
                if updated.blocks != fresh.blocks { return }
                note = updated
            }
        }
        // Many edits must take the local path (footnotes and front matter send the rest to a whole
        // parse), or the test checks only the fallback.
        #expect(reparsedLocally * 2 > edits, "\(reparsedLocally) of \(edits) edits re-parsed locally")
    }

    /// Records one blank line apart, edited anywhere: the records read again are those around
    /// the edit (their extents share the blank lines between them), and the note equals a
    /// fresh parse.
    @Test func editsOfRecordsOneBlankLineApart() {
        let records = (0..<40).map { "Title: Paper \($0)\nLink: https://arxiv.org/abs/2104.0\(1000 + $0)\nDate: 2021-04-20\n\n" }
        var bytes = Array(records.joined().utf8)
        var note = Note(source: SourceText(bytes: bytes))
        var generator = SeededGenerator(seed: 0x5245_434F)
        for step in 0..<400 {
            let start = Int.random(in: 0...bytes.count, using: &generator)
            let end = Int.random(in: start...min(bytes.count, start + Int.random(in: 0...3, using: &generator)), using: &generator)
            let inserted = Array(["a", "\n", "\n\n", "Title: x\n", "Date: ", "- ", "# ", ""].randomElement(using: &generator)!.utf8)
            bytes.replaceSubrange(start..<end, with: inserted)
            let source = SourceText(bytes: bytes)
            let updated = note.applying(TextReplacement(range: ByteRange(start, end), insertedCount: inserted.count), giving: source)
            let fresh = Note(source: source)
            #expect(updated.entries == fresh.entries, "step \(step): \(start)..<\(end)")
            #expect(updated.dump() == fresh.dump(), "step \(step)")
            note = updated
        }
    }

    @Test func anEditInsideARecordTakesTheLocalPath() {
        let record = "Title: A paper\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n\n"
        let text = "# Reading list\n\n" + String(repeating: record, count: 50)
        var bytes = Array(text.utf8)
        let note = Note(source: SourceText(bytes: bytes))
        let offset = bytes.count / 2
        bytes.insert(UInt8(ascii: "x"), at: offset)
        let source = SourceText(bytes: bytes)
        let blocks = BlockReparse.blocks(
            of: note, after: TextReplacement(range: .empty(at: offset), insertedCount: 1), source: source, frontMatter: nil)
        #expect(blocks != nil)
        #expect(blocks == Note(source: source).blocks)
    }

    /// A table right under a paragraph's line took its header from the paragraph, with cell
    /// columns measured from the paragraph's start: it is no place to resume the old blocks.
    @Test func aTableThatGrewOutOfAParagraphIsReadAgain() {
        let text =
            "# Notes\n\n## Bias and variance\n\nsome words before it\n| Estimator | Bias |\n|---|---|\n| mean | 0 |\n\nSource: the appendix.\n"
        var bytes = Array(text.utf8)
        let note = Note(source: SourceText(bytes: bytes))
        // Join the heading and the paragraph: the table now starts a paragraph of its own.
        let start = Array("# Notes\n\n## Bias and variance".utf8).count
        bytes.removeSubrange(start..<(start + 2))
        let source = SourceText(bytes: bytes)
        let updated = note.applying(TextReplacement(range: ByteRange(start, start + 2), insertedCount: 0), giving: source)
        #expect(updated.blocks == Note(source: source).blocks)
    }
}
