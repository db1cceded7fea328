import Foundation
import Testing

@testable import NoteSyntax

@Suite struct EntryTests {
    @Test func plainEntry() throws {
        let note = Note("Title: RoFormer: Enhanced\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr. 2021\n\nProse.\n")
        #expect(note.entries.count == 1)
        let entry = try #require(note.entries.first)
        #expect(entry.lines == 0...2)
        #expect(entry.headingUnderlineLine == nil)
        #expect(note.blocks[entry.blockIndex].kind == .paragraph)
        #expect(entry.fields.map(\.key) == ["Title", "Link", "Date"])
        #expect(entry.fields.map(\.value) == ["RoFormer: Enhanced", "https://arxiv.org/abs/2104.09864", "20 Apr. 2021"])
        #expect(entry.fields.map(\.line) == [0, 1, 2])
        #expect(!entry.isBlank)

        let title = entry.fields[0]
        #expect(title.keyRange == ByteRange(0, 5))
        #expect(title.colonOffset == 5)
        #expect(title.rawValueRange == ByteRange(6, 25))
        #expect(title.valueRange == ByteRange(7, 25))
        #expect(title.range == ByteRange(0, 25))
        let link = entry.fields[1]
        #expect(link.keyRange == ByteRange(26, 30))
        #expect(link.valueRange == ByteRange(32, 64))
        #expect(note.text(link.valueRange) == "https://arxiv.org/abs/2104.09864")
        #expect(entry.range == ByteRange(0, 83))
        #expect(note.text(entry.range).hasSuffix("Date: 20 Apr. 2021"))
    }

    @Test func keysAreComparedCaseInsensitively() throws {
        let note = Note("title: a\nLINK: b\n")
        let entry = try #require(note.entries.first)
        #expect(entry.fields.map(\.key) == ["title", "LINK"])
        #expect(entry.field("Title")?.value == "a")
        #expect(entry.field("link")?.value == "b")
        #expect(entry.field("date") == nil)
        let reviewer = FieldVocabulary(extra: [("Reviewer", .link)])
        #expect(Note("title: x\nreviewer: y\n", vocabulary: reviewer).entries.count == 1)
        #expect(Note("title: x\nreviewer: y\n").entries.isEmpty)
    }

    @Test func sameKeyIgnoresCaseOnly() {
        #expect(Field.sameKey("Title", "tITLE"))
        #expect(Field.sameKey("", ""))
        #expect(!Field.sameKey("Title", "Titles"))
        #expect(!Field.sameKey("a@b", "a`b"))  // 0x40 and 0x60 differ by the case bit but are no letters
        #expect(Field.sameKey("Année", "ANNÉE"))
        #expect(!Field.sameKey("Année", "Annee"))
        #expect(Field.sameKey("İD", "i̇d"))  // folding outside ASCII may change the length
    }

    @Test func keyShapes() throws {
        let note = Note("Title : spaced\nDate Added: 2021\nSub-title_2: x\nLink: y\n")
        let entry = try #require(note.entries.first)
        #expect(entry.fields.map(\.key) == ["Title", "Date Added", "Sub-title_2", "Link"])
        #expect(entry.fields[0].keyRange == ByteRange(0, 5))
        #expect(entry.fields[0].colonOffset == 6)
        #expect(entry.fields[2].key == note.text(entry.fields[2].keyRange))
        // A key of punctuation, or longer than 32 characters, is not a key: the paragraph is prose.
        #expect(Note("Title: x\nNot*a key: y\nLink: z\n").entries.isEmpty)
        #expect(Note("Title: x\n\(String(repeating: "k", count: 33)): y\nLink: z\n").entries.isEmpty)
        #expect(Note("Title: x\n\(String(repeating: "k", count: 32)): y\nLink: z\n").entries.first?.proseLine == nil)
    }

    @Test func urlLinesAreNotFields() {
        #expect(Note("Title: x\nhttps://example.org/a\n").entries.isEmpty)
        #expect(Note("https://example.org\nTitle: x\n").entries.isEmpty)
        #expect(Note("Title: x\nLink:https://example.org\n").entries.first?.fields.last?.value == "https://example.org")
    }

    @Test func aParagraphWithoutAKnownKeyIsNotAnEntry() {
        #expect(Note("Foo: a\nBar: b\n").entries.isEmpty)
        #expect(Note("Title: x\nplain prose\n").entries.isEmpty)
        #expect(Note("Just prose: with a colon.\n").entries.isEmpty)
    }

    @Test func entryFollowedByDashesIsASetextHeadingEntry() throws {
        let note = Note("Title: x\nLink: y\n---\n\nProse.\n")
        let entry = try #require(note.entries.first)
        #expect(note.entries.count == 1)
        #expect(entry.lines == 0...1)
        #expect(entry.headingUnderlineLine == 2)
        #expect(note.blocks[entry.blockIndex].kind == .heading(level: 2))
        #expect(note.blocks[entry.blockIndex].lines == 0...2)
        #expect(entry.fields.map(\.value) == ["x", "y"])
        #expect(note.lines(ofBlockStartingAt: 0) == 0...2)
        // At the end of the text, and with the underline indented.
        #expect(Note("Title: x\nLink: y\n---").entries.first?.headingUnderlineLine == 2)
        #expect(Note("Title: x\nLink: y\n  ---  \n").entries.first?.headingUnderlineLine == 2)
        // An `===` underline makes a level-1 heading, not a record.
        #expect(Note("Title: x\n===\n").entries.isEmpty)
    }

    @Test func entriesInBlockQuotes() throws {
        let note = Note("> Title: x\n> Date: 2020\n")
        let entry = try #require(note.entries.first)
        #expect(entry.lines == 0...1)
        #expect(entry.fields.map(\.keyRange) == [ByteRange(2, 7), ByteRange(13, 17)])
        #expect(entry.fields.map(\.valueRange) == [ByteRange(9, 10), ByteRange(19, 23)])
        // A lazy continuation line, and a nested quote.
        #expect(Note("> Title: x\nDate: 2020\n").entries.first?.fields.map(\.value) == ["x", "2020"])
        let nested = try #require(Note("> > Title: x\n> > Date: y\n").entries.first)
        #expect(nested.fields.map(\.keyRange.start) == [4, 17])
        #expect(Note(">\tTitle: x\n>\tDate: y\n").entries.first?.fields.map(\.key) == ["Title", "Date"])
    }

    @Test func setextEntryInsideABlockQuote() throws {
        let note = Note("> Title: x\n> Date: y\n> ---\n")
        let entry = try #require(note.entries.first)
        #expect(entry.lines == 0...1)
        #expect(entry.headingUnderlineLine == 2)
        #expect(entry.fields.map(\.value) == ["x", "y"])
    }

    @Test func entriesInListItems() throws {
        let bullet = try #require(Note("- Title: x\n  Date: 2020\n").entries.first)
        #expect(bullet.fields.map(\.keyRange) == [ByteRange(2, 7), ByteRange(13, 17)])
        let ordered = try #require(Note("1. Title: x\n   Date: y\n").entries.first)
        #expect(ordered.fields.map(\.keyRange.start) == [3, 15])
        let underlined = try #require(Note("- Title: x\n  Link: y\n  ---\n").entries.first)
        #expect(underlined.headingUnderlineLine == 2)
    }

    @Test func codeHTMLAndFrontMatterLinesAreNeverEntries() {
        #expect(Note("```\nTitle: x\nLink: y\n```\n").entries.isEmpty)
        #expect(Note("~~~ yaml\nTitle: x\n~~~\n").entries.isEmpty)
        #expect(Note("    Title: x\n    Link: y\n").entries.isEmpty)
        #expect(Note("<div>\nTitle: x\n</div>\n").entries.isEmpty)
        #expect(Note("<!--\nTitle: x\n-->\n").entries.isEmpty)
        #expect(Note("---\nTitle: x\n---\n").entries.isEmpty)
        #expect(Note("x[^a]\n\n[^a]: Title: x\n").entries.isEmpty)
    }

    @Test func anHTMLCommentLineSplitsAnEntry() {
        let note = Note("Title: x\nLink: y\n<!-- note -->\nTitle: z\nDate: 2020\n")
        #expect(note.entries.map(\.lines) == [0...1, 3...4])
        #expect(note.comments.map(\.text) == ["note"])
    }

    @Test func valueRangesExcludeBlanksAndTabs() throws {
        let note = Note("Subjects:  \tComputation and Language \t\nTitle: é 😀\t\n")
        let entry = try #require(note.entries.first)
        let subjects = entry.fields[0]
        #expect(subjects.value == "Computation and Language")
        #expect(subjects.rawValueRange == ByteRange(9, 38))
        #expect(subjects.valueRange == ByteRange(12, 36))
        #expect(subjects.range == ByteRange(0, 36))
        let title = entry.fields[1]
        #expect(title.value == "é 😀")
        #expect(title.valueRange == ByteRange(46, 53))
        #expect(note.text(title.valueRange) == "é 😀")
    }

    @Test func emptyValues() throws {
        let note = Note("Title:\nLink: \t \nDate:   \n")
        let entry = try #require(note.entries.first)
        #expect(entry.isBlank)
        #expect(entry.fields.allSatisfy { $0.isEmpty })
        #expect(entry.fields.map(\.rawValueRange) == [ByteRange(6, 6), ByteRange(12, 15), ByteRange(21, 24)])
        #expect(entry.fields.map(\.valueRange) == [ByteRange(6, 6), ByteRange(15, 15), ByteRange(24, 24)])
        #expect(entry.fields.map(\.range) == [ByteRange(0, 6), ByteRange(7, 15), ByteRange(16, 24)])
        let half = try #require(Note("Title: x\nLink:\n").entries.first)
        #expect(!half.isBlank)
    }

    @Test(arguments: ["\r\n", "\r"])
    func otherLineEndingsGiveTheSameFields(newline: String) throws {
        let lf = "Intro.\n\nTitle: A: b\nLink: \thttps://x \nDate:\n---\n\n> Title: q\n> Subjects: s\n"
        let other = lf.replacingOccurrences(of: "\n", with: newline)
        let expected = Note(lf).entries
        let entries = Note(other).entries
        #expect(entries.count == 2)
        #expect(entries.map(\.lines) == expected.map(\.lines))
        #expect(entries.map(\.headingUnderlineLine) == expected.map(\.headingUnderlineLine))
        #expect(entries.map { $0.fields.map(\.key) } == expected.map { $0.fields.map(\.key) })
        #expect(entries.map { $0.fields.map(\.value) } == expected.map { $0.fields.map(\.value) })
        // Offsets shift by one byte per earlier line ending with CRLF, not at all with CR.
        let extra = newline.utf8.count - 1
        for (entry, reference) in zip(entries, expected) {
            for (field, base) in zip(entry.fields, reference.fields) {
                #expect(field.valueRange == base.valueRange.shifted(by: field.line * extra))
                #expect(field.rawValueRange == base.rawValueRange.shifted(by: field.line * extra))
            }
        }
    }

    @Test func linesAfterFrontMatterKeepTheirNumbers() throws {
        let note = Note("---\ntitle: t\n---\n\nTitle: x\nDate: 2021\n")
        let entry = try #require(note.entries.first)
        #expect(entry.lines == 4...5)
        #expect(entry.fields.map(\.keyRange.start) == [18, 27])
    }

    @Test func everyRoleHasABitOfItsOwn() {
        let bits = FieldRole.allCases.map(\.bit)
        #expect(Set(bits).count == FieldRole.allCases.count)
        #expect(bits.allSatisfy { $0.nonzeroBitCount == 1 })
    }
}
