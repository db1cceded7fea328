import ArxivKit
import Foundation
import NoteInvariants
import NoteSyntax
import TestSupport
import Testing

@testable import NoteLint

/// A lint that starts from the previous version's (`Linter.lint(_:path:workspace:since:)`)
/// finds exactly what a lint of the whole edited note finds, after every edit of a sequence:
/// random notes, random edits, and typing into the records of a long reading list.
@Suite struct IncrementalLintPropertyTests {
    static let pieces = [
        "a", " ", "  ", "\n", "\r\n", "\n\n", "\t", "[^a]", "Title: ", "Link: https://arxiv.org/abs/2104.09864\n", "Link: ",
        "Date: 2021-04-20\n", "Date: 31 Apr 2021", "Subjects: Computation and Language (cs.CL)", "(cs.XX)", "---\n", "---",
        "`", "```\n", "- ", "1. ", "> ", "| a | b |\n", "|---|---|\n", "<!--", "-->", "# ", "## Notes\n", "é", "中",
        "[x](https://arxiv.org/abs/2104.0986)", "[y](a b.pdf)", "arXiv:2104.9999", "**Title**: ", "URL: www.example.org",
        "<!-- notelint-disable-next-line -->\n", "(or arXiv:2104.09864v5 [cs.CL] for this version)",
    ]

    static func fixtures() -> [[UInt8]] {
        let folder = PackagePaths.path("fixtures")
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        return files.sorted().compactMap { FileManager.default.contents(atPath: folder + "/" + $0).map { Array($0) } }
    }

    /// Lints `bytes` after `edit` both ways; returns what the next edit starts from, or nil
    /// after recording a difference.
    static func step(
        _ linter: Linter, from previous: (note: Note, memory: LintMemory?), editing bytes: [UInt8], by edit: TextReplacement,
        context: @autoclosure () -> String, incremental: inout Int
    ) -> (note: Note, memory: LintMemory?)? {
        let source = SourceText(bytes: bytes)
        let (note, reparsed) = previous.note.revised(by: edit, giving: source)
        var base: LintBase? = nil
        if let memory = previous.memory, let reparsed { base = LintBase(memory: memory, edit: edit, reparsedLines: reparsed) }
        if let base, EditRegion(old: base.memory.note, new: note, edit: edit, reparsedLines: base.reparsedLines) != nil {
            incremental += 1
        }
        let (result, memory) = linter.lint(note, path: nil, workspace: nil, since: base)
        let fresh = linter.lint(linter.parse(source))
        guard result.diagnostics == fresh.diagnostics else {
            let missing = fresh.diagnostics.filter { !result.diagnostics.contains($0) }.map { "\($0.ruleID) \($0.range) \($0.message)" }
            let extra = result.diagnostics.filter { !fresh.diagnostics.contains($0) }.map { "\($0.ruleID) \($0.range) \($0.message)" }
            Issue.record("\(context())\nmissing: \(missing)\nextra: \(extra)")
            return nil
        }
        return (note, memory)
    }

    /// Types one of `pieces` anywhere in `bytes` or, one time in four, deletes a byte there.
    static func typeOrDelete(in bytes: inout [UInt8], pieces: [String], generator: inout SeededGenerator) -> TextReplacement {
        let start = Int.random(in: 0...bytes.count, using: &generator)
        let deletes = Int.random(in: 0..<4, using: &generator) == 0
        let end = deletes ? min(bytes.count, start + 1) : start
        let inserted = Array((deletes ? "" : pieces.randomElement(using: &generator)!).utf8)
        bytes.replaceSubrange(start..<end, with: inserted)
        return TextReplacement(range: ByteRange(start, end), insertedCount: inserted.count)
    }

    /// The prose lines: neither blank, nor a heading, nor a field.
    static func proseLines(of note: Note) -> [Int] {
        note.lineIndex.lineStarts.indices.filter { line in
            let text = note.source.lineString(line)
            return !text.isEmpty && !text.hasPrefix("#") && !text.utf8.contains(UInt8(ascii: ":"))
        }
    }

    /// Types (or, one time in four, deletes) one random piece in a random prose line of
    /// `current`, lints the result both ways (`step`) and returns what the next keystroke
    /// starts from, with the region the edit made when the lint could start from the last one.
    static func keystroke(
        _ linter: Linter, from current: (note: Note, memory: LintMemory?), editing bytes: inout [UInt8], pieces: [String],
        step: Int, generator: inout SeededGenerator, incremental: inout Int
    ) throws -> (next: (note: Note, memory: LintMemory?)?, region: EditRegion?, old: LintMemory?) {
        let line = try #require(proseLines(of: current.note).randomElement(using: &generator))
        let length = current.note.source.lineContent(line).length
        let start = current.note.lineIndex.lineStarts[line] + Int.random(in: 0..<max(length, 1), using: &generator)
        let deletes = Int.random(in: 0..<4, using: &generator) == 0 && start < bytes.count
        let end = deletes ? start + 1 : start
        let inserted = Array((deletes ? "" : pieces.randomElement(using: &generator)!).utf8)
        bytes.replaceSubrange(start..<end, with: inserted)
        let edit = TextReplacement(range: ByteRange(start, end), insertedCount: inserted.count)
        let next = Self.step(
            linter, from: current, editing: bytes, by: edit,
            context: "step \(step): \(start)..<\(end) replaced by \(String(decoding: inserted, as: UTF8.self).debugDescription)",
            incremental: &incremental)
        guard let old = current.memory, let new = next?.memory, let reparsed = current.note.revised(by: edit, giving: new.note.source).1
        else { return (next, nil, current.memory) }
        return (next, EditRegion(old: old.note, new: new.note, edit: edit, reparsedLines: reparsed), old)
    }

    /// Types `steps` random keystrokes into the prose of `text`, each linted both ways
    /// (`keystroke`), calling `beforeStep` first; returns the first lint's findings, how many
    /// edits were linted incrementally and how many `keeps` said kept what it checks.
    static func typeInProse(
        _ text: String, linter: Linter, seed: UInt64, pieces: [String], steps: Int, beforeStep: (Int) -> Void = { _ in },
        keeps: (EditRegion, LintMemory, LintMemory) -> Bool = { _, _, _ in false }
    ) throws -> (first: [Diagnostic], incremental: Int, kept: Int) {
        var bytes = Array(text.utf8)
        var generator = SeededGenerator(seed: seed)
        let note = linter.parse(SourceText(bytes: bytes))
        let first = linter.lint(note, path: nil, workspace: nil, since: nil)
        var state: (note: Note, memory: LintMemory?)? = (note, first.memory)
        var incremental = 0
        var kept = 0
        for step in 0..<steps {
            guard let current = state else { break }
            beforeStep(step)
            let typed = try keystroke(
                linter, from: current, editing: &bytes, pieces: pieces, step: step, generator: &generator, incremental: &incremental)
            state = typed.next
            if let region = typed.region, let old = typed.old, let new = state?.memory, keeps(region, old, new) { kept += 1 }
        }
        return (first.result.diagnostics, incremental, kept)
    }

    @Test func randomEditsOfRandomNotes() throws {
        let linter = try Linter(today: CalendarDay(year: 2026, month: 12, day: 6))
        let notes = RandomNotes(notes: Self.fixtures())
        var generator = SeededGenerator(seed: 0x4C49_4E54)
        var edits = 0
        var incremental = 0
        for iteration in 0..<(Int(ProcessInfo.processInfo.environment["NOTELINT_PROPERTY_ITERATIONS"] ?? "") ?? 1500) {
            var bytes = notes.note(using: &generator)
            let note = linter.parse(SourceText(bytes: bytes))
            var state: (note: Note, memory: LintMemory?)? = (note, linter.lint(note, path: nil, workspace: nil, since: nil).memory)
            for step in 0..<Int.random(in: 1...5, using: &generator) {
                guard let current = state else { break }
                let start = Int.random(in: 0...bytes.count, using: &generator)
                let end = Int.random(in: start...min(bytes.count, start + Int.random(in: 0...12, using: &generator)), using: &generator)
                let inserted = Array((Bool.random(using: &generator) ? Self.pieces.randomElement(using: &generator)! : "").utf8)
                let previous = bytes
                bytes.replaceSubrange(start..<end, with: inserted)
                edits += 1
                state = Self.step(
                    linter, from: current, editing: bytes, by: TextReplacement(range: ByteRange(start, end), insertedCount: inserted.count),
                    context:
                        "iteration \(iteration) step \(step): \(start)..<\(end) of \(String(decoding: previous, as: UTF8.self).debugDescription) replaced by \(String(decoding: inserted, as: UTF8.self).debugDescription)",
                    incremental: &incremental)
            }
        }
        // Most edits must take the incremental path, or the test checks only the fallback.
        #expect(incremental * 2 > edits, "\(incremental) of \(edits) edits linted incrementally")
    }

    @Test func typingIntoTheRecordsOfALongList() throws {
        let linter = try Linter(today: CalendarDay(year: 2026, month: 12, day: 6))
        let record =
            "Title: Paper on sparse attention\nLink: https://arxiv.org/abs/2104.09864\nDate: 31 Apr 2021\n"
            + "Subjects:\tComputation and Language (cs.CL); Machine Learning (cs.LG)\n\nA comment [here](https://arxiv.org/abs/2104.1).\n\n---\n\n"
        var bytes = Array(("# Reading list\n\n" + String(repeating: record, count: 40)).utf8)
        var generator = SeededGenerator(seed: 0x5459_5045)
        let note = linter.parse(SourceText(bytes: bytes))
        var state: (note: Note, memory: LintMemory?)? = (note, linter.lint(note, path: nil, workspace: nil, since: nil).memory)
        var incremental = 0
        for step in 0..<300 {
            guard let current = state else { break }
            let edit = Self.typeOrDelete(in: &bytes, pieces: Self.pieces, generator: &generator)
            state = Self.step(
                linter, from: current, editing: bytes, by: edit, context: "step \(step): \(edit)", incremental: &incremental)
        }
        #expect(incremental > 240, "\(incremental) of 300 edits linted incrementally")
    }

    /// Records one blank line apart share that line in their extents: an edit of one record
    /// changes the part of the note around it, not the whole list, and the lint of that part
    /// finds what a lint of the whole note finds.
    @Test func typingIntoRecordsOneBlankLineApart() throws {
        let linter = try Linter(today: CalendarDay(year: 2026, month: 12, day: 6))
        let records = (0..<60).map { "Title: Paper \($0)\nLink: https://arxiv.org/abs/2104.0\(1000 + $0)\nDate: 04/05/2021\n\n" }
        var bytes = Array(records.joined().utf8)
        var generator = SeededGenerator(seed: 0x424C_414E)
        let note = linter.parse(SourceText(bytes: bytes))
        var state: (note: Note, memory: LintMemory?)? = (note, linter.lint(note, path: nil, workspace: nil, since: nil).memory)
        var incremental = 0
        var widest = 0
        for step in 0..<300 {
            guard let current = state else { break }
            let edit = Self.typeOrDelete(in: &bytes, pieces: ["a", " ", "1", "/", "\n", "Date: ", "\n\n"], generator: &generator)
            state = Self.step(
                linter, from: current, editing: bytes, by: edit, context: "step \(step): \(edit)", incremental: &incremental)
            if let old = current.memory, let new = state?.memory, let reparsed = current.note.revised(by: edit, giving: new.note.source).1,
                let region = EditRegion(old: old.note, new: new.note, edit: edit, reparsedLines: reparsed)
            {
                widest = max(widest, region.lines.count)
            }
        }
        #expect(incremental > 240, "\(incremental) of 300 edits linted incrementally")
        #expect(widest < 40, "the widest part an edit changed: \(widest) of \(records.count * 4) lines")
    }

    /// Typing at the end of records' Titles and Links, in a list where some share them, makes
    /// and unmakes duplicates: `entry-duplicate` keeps its findings when the typed record's keys,
    /// before and after, are no other entry's, and checks the whole note otherwise; the findings
    /// equal a fresh lint after every keystroke.
    @Test func typingTitlesAndLinksThatMakeAndUnmakeDuplicates() throws {
        let linter = try Linter(today: CalendarDay(year: 2026, month: 12, day: 6))
        let records = (0..<30).map {
            "Title: Paper \($0 % 10)\nLink: https://example.org/\($0 % 12)\nDate: 2021-04-20\n\nA comment.\n\n---\n\n"
        }
        var bytes = Array(records.joined().utf8)
        var generator = SeededGenerator(seed: 0x4455_504C)
        let note = linter.parse(SourceText(bytes: bytes))
        var state: (note: Note, memory: LintMemory?)? = (note, linter.lint(note, path: nil, workspace: nil, since: nil).memory)
        var incremental = 0
        var keptThroughKeys = 0
        for step in 0..<400 {
            guard let current = state else { break }
            let keyed = current.note.lineIndex.lineStarts.indices.filter {
                let line = current.note.source.lineString($0)
                return line.hasPrefix("Title: ") || line.hasPrefix("Link: ")
            }
            let line = try #require(keyed.randomElement(using: &generator))
            let content = current.note.source.lineContent(line)
            let deletes = Int.random(in: 0..<3, using: &generator) == 0 && content.length > 7
            let range = deletes ? ByteRange(content.end - 1, content.end) : ByteRange(content.end, content.end)
            let inserted = Array((deletes ? "" : ["1", "2", "x", " "].randomElement(using: &generator)!).utf8)
            bytes.replaceSubrange(range.start..<range.end, with: inserted)
            let edit = TextReplacement(range: range, insertedCount: inserted.count)
            state = Self.step(linter, from: current, editing: bytes, by: edit, context: "step \(step): \(edit)", incremental: &incremental)
            if let old = current.memory, let new = state?.memory, let reparsed = current.note.revised(by: edit, giving: new.note.source).1,
                let region = EditRegion(old: old.note, new: new.note, edit: edit, reparsedLines: reparsed),
                EntryDuplicate.keepsFindings(
                    changing: old.facts[region.entriesAbove..<(old.facts.count - region.entriesBelow)],
                    into: new.facts[region.entriesAbove..<(new.facts.count - region.entriesBelow)], among: new.facts)
            {
                keptThroughKeys += 1
            }
        }
        #expect(incremental > 380, "\(incremental) of 400 edits linted incrementally")
        #expect(keptThroughKeys > 100, "\(keptThroughKeys) of 400 edits kept the duplicates through their keys")
        #expect(keptThroughKeys < 380, "\(keptThroughKeys) of 400 edits kept the duplicates: too few made or unmade one")
    }

    /// A Title typed into one that is the same string in other bytes (`é` composed in one,
    /// `e` and a combining accent in the other) is a duplicate: the keys are compared as
    /// strings, never by their bytes alone.
    @Test func aKeyInOtherBytesOfTheSameStringIsADuplicate() throws {
        let linter = try Linter(today: CalendarDay(year: 2026, month: 12, day: 6))
        let text = "Title: Caf\u{E9} society\nDate: 2021\n\nA comment.\n\n---\n\nTitle: Cafe society\nDate: 2021\n"
        let edited = text.replacingOccurrences(of: "Cafe society", with: "Cafe\u{301} society")
        let before = linter.entryFacts(linter.parse(SourceText(text)))
        let after = linter.entryFacts(linter.parse(SourceText(edited)))
        #expect(before[1].titleKey != before[0].titleKey)
        #expect(after[1].titleKey == after[0].titleKey)
        #expect(!EntryDuplicate.keepsFindings(changing: before[1...], into: after[1...], among: after))
        #expect(EntryDuplicate.keepsFindings(changing: before[1...], into: before[1...], among: before))
    }

    /// Types each of `values` over the Date of a random record of a list whose records hold
    /// `dates` in turn, one keystroke at a time after clearing it, each edit linted both ways
    /// (`step`); returns how many edits were linted incrementally, how many there were, and the
    /// changes of `reading` (a rule's note-wide reading) over the sequence.
    static func typeOverDates(
        _ dates: [String], values: [String], seed: UInt64, reading: ([EntryFacts]) -> Int?
    ) throws -> (incremental: Int, edits: Int, readings: [Int?]) {
        let linter = try Linter(today: CalendarDay(year: 2026, month: 12, day: 6))
        // Apart, so that the part of the note an edit changed is its record: records one blank
        // line apart reach each other (each reads the line next to it), and so does a heading
        // above them.
        let records = (0..<24).map {
            "Title: Paper \($0)\nLink: https://example.org/\($0)\nDate: \(dates[$0 % dates.count])\n\nA comment.\n\n---\n\n"
        }
        var bytes = Array(records.joined().utf8)
        var generator = SeededGenerator(seed: seed)
        let note = linter.parse(SourceText(bytes: bytes))
        var state: (note: Note, memory: LintMemory?)? = (note, linter.lint(note, path: nil, workspace: nil, since: nil).memory)
        var incremental = 0
        var readings: [Int?] = []
        var step = 0
        for value in values {
            let record = Int.random(in: 0..<records.count, using: &generator)
            for keystroke in [nil] + value.map({ String($0) }) {
                guard let current = state else { break }
                let dateLines = current.note.lineIndex.lineStarts.indices.filter { current.note.source.lineString($0).hasPrefix("Date: ") }
                let content = current.note.source.lineContent(dateLines[record])
                let range = keystroke == nil ? ByteRange(content.start + 6, content.end) : ByteRange(content.end, content.end)
                let inserted = Array((keystroke ?? "").utf8)
                bytes.replaceSubrange(range.start..<range.end, with: inserted)
                state = Self.step(
                    linter, from: current, editing: bytes, by: TextReplacement(range: range, insertedCount: inserted.count),
                    context: "step \(step): typing \(value) into record \(record)", incremental: &incremental)
                step += 1
                if let facts = state?.memory?.facts, readings.last != reading(facts) { readings.append(reading(facts)) }
            }
        }
        return (incremental, step, readings)
    }

    /// Typing in the Dates of a list whose numeric dates are ambiguous (`04/05/2021`) changes
    /// the order the note's dates show (`15/03/2018` puts the day first): `date-invalid` checks
    /// the edited entry alone, or the whole note when that order changed.
    @Test func typingDatesThatSettleTheirOrder() throws {
        let rule = try DateInvalid(options: RuleOptions())
        // The day first (settling the order), an ambiguous date while it is settled, the month
        // first (unsettling it), then neither.
        let typed = try Self.typeOverDates(
            ["04/05/2021", "07/08/2019", "2021-04-20", "11/12/2020"],
            values: ["15/03/2018", "04/05/2021", "03/15/2018", "2018", "15.03.2018"],
            seed: 0x4441_5445, reading: { rule.noteWideReading($0, of: Note(""), schema: .readingList) })
        #expect(typed.incremental == typed.edits, "\(typed.incremental) of \(typed.edits) edits linted incrementally")
        #expect(typed.readings.count >= 3, "the order of the note's numeric dates was settled and unsettled: \(typed.readings)")
    }

    /// Typing Dates that tip the note's date style from `20 Apr 2021` to ISO and back:
    /// `date-format` checks the edited entry alone, or the whole note when its style changed.
    @Test func typingDatesThatTipTheNotesStyle() throws {
        let rule = try DateFormat(options: RuleOptions())
        let typed = try Self.typeOverDates(
            ["20 Apr 2021", "2021-04-20", "8 Jun 2021", "2021-06-08", "9 Jul 2021"],
            values: ["2021-01-01", "2021-01-02", "2021-01-03", "3 Mar 2021", "4 Mar 2021", "5 Mar 2021", "2025-3-3"], seed: 0x5354_594C,
            reading: { rule.noteWideReading($0, of: Note(""), schema: .readingList) })
        #expect(typed.incremental == typed.edits, "\(typed.incremental) of \(typed.edits) edits linted incrementally")
        #expect(typed.readings.count >= 3, "the note's date style changed and changed back: \(typed.readings)")
    }

    /// Edits of the prose between records leave the entries as they were: `entry-duplicate`,
    /// which reads only entries, keeps its findings, moved, and `date-format` checks the
    /// region without reading the note's date style again.
    @Test func typingBetweenTheRecordsOfAListWithDuplicates() throws {
        let linter = try Linter(today: CalendarDay(year: 2026, month: 12, day: 6))
        let dates = ["20 Apr 2021", "2021-04-20", "April 20, 2021", "8 Jun 2021"]
        var text = "# Reading list\n\n"
        for index in 0..<40 {
            if index == 20 { text += "## Later\n\n" }
            text += "Title: Paper \(index % 7)\nLink: https://arxiv.org/abs/2104.0986\(index % 5)\nDate: \(dates[index % 4])\n\n"
            text += "A comment on paper \(index).\n\n"
        }
        let (_, incremental, entriesKept) = try Self.typeInProse(
            text, linter: linter, seed: 0x4B45_4550, pieces: ["x", " ", "\n", "é", "\n\n"], steps: 300,
            keeps: { region, old, new in
                region.keepsEntries(
                    old: old.facts[region.entriesAbove..<(old.facts.count - region.entriesBelow)],
                    new: Array(new.facts[region.entriesAbove..<(new.facts.count - region.entriesBelow)]))
            })
        #expect(incremental > 240, "\(incremental) of 300 edits linted incrementally")
        #expect(entriesKept > 200, "\(entriesKept) of 300 edits kept the entries")
    }
}

/// The rules that compare entries with arXiv's metadata keep their findings across an edit
/// that leaves the entries as they were, and only while the metadata answers as it did.
@Suite struct IncrementalArxivFindingsTests {
    /// Answers that can change between two lints, as the cache and the index do.
    final class ChangingMetadata: ArxivMetadataSource, @unchecked Sendable {
        var table = RuleExamples.arxivMetadata
        var stamp = 0
        func lookup(_ identifier: ArxivIdentifier) -> ArxivLookup? { table.lookup(identifier) }
        var fingerprint: String { "changing:\(stamp)" }
    }

    static let records = [
        "Title: RoFormer: Enhanced Transformer with Rotary Embedding\nLink: https://arxiv.org/abs/2104.09864\nDate: 2 May 2021\nSubjects: Machine Learning (cs.LG)\n",
        "Title: A\nLink: https://arxiv.org/abs/2301.99999\nDate: 2023-01-05\n", "Title: B\nLink: https://arxiv.org/abs/2301.00002\n",
        "Title: A Roadmap to Interstellar Flight\nLink: https://arxiv.org/abs/1604.01356\nDate: 31 Oct 2016\n",
    ]

    @Test func typingBetweenRecordsKeepsTheArxivFindingsExactly() throws {
        let metadata = ChangingMetadata()
        let linter = try Linter(today: CalendarDay(year: 2026, month: 12, day: 6), arxiv: metadata)
        var text = "# Reading list\n\n"
        for index in 0..<24 { text += Self.records[index % Self.records.count] + "\nA comment on paper \(index).\n\n" }
        let (first, incremental, _) = try IncrementalLintPropertyTests.typeInProse(
            text, linter: linter, seed: 0x4152_5849, pieces: ["x", " ", "\n", "é"], steps: 200,
            beforeStep: { step in
                guard step % 50 == 49 else { return }
                // What arXiv says changed between two keystrokes: 2301.99999 now exists.
                metadata.stamp += 1
                var answers = metadata.table.answers
                answers["2301.99999"] = answers["2104.09864"]
                metadata.table = ArxivMetadataTable(answers)
            })
        #expect(Set(first.map(\.ruleID)).isSuperset(of: ["arxiv-title-mismatch", "arxiv-not-found", "arxiv-withdrawn"]))
        #expect(incremental > 150, "\(incremental) of 200 edits linted incrementally")
    }
}

/// The footnote rules keep their findings across an edit that leaves every footnote and the
/// kinds of the lines around it as they were: typing in the prose of a note with duplicate,
/// unused and undefined footnotes, labels mentioned in HTML, and edits near its end.
@Suite struct IncrementalFootnoteFindingsTests {
    @Test func typingAroundFootnotesKeepsTheirFindingsExactly() throws {
        let linter = try Linter(today: CalendarDay(year: 2026, month: 12, day: 6))
        var text = "# Notes\n\n"
        for index in 0..<30 {
            text += "A remark on paper \(index) with a note.[^n\(index % 12)] And more.[^m\(index)]\n\n"
            // An edit next to an HTML block or a fence is parsed afresh: a few of them.
            if index % 10 == 3 { text += "<div>see [^u\(index)]</div>\n\n" }
            if index == 20 { text += "```\ncode [^c\(index)]\n```\n\n" }
        }
        for index in 0..<14 { text += "[^n\(index % 10)]: Definition \(index).\n" }
        text += "[^u3]: Mentioned in HTML only.\n[^free]: Never used.\n"
        let (first, incremental, footnotesKept) = try IncrementalLintPropertyTests.typeInProse(
            text, linter: linter, seed: 0x464E_4F54, pieces: ["x", " ", "\n", "é", "[^", "]"], steps: 300,
            keeps: { region, old, new in region.keepsFootnotes(old: old.note, new: new.note) })
        #expect(Set(first.map(\.ruleID)).isSuperset(of: ["footnote-duplicate", "footnote-unused", "footnote-undefined"]))
        // Edits next to an HTML block, a fence or the definitions are parsed afresh.
        #expect(incremental > 150, "\(incremental) of 300 edits linted incrementally")
        #expect(footnotesKept > 100, "\(footnotesKept) of 300 edits kept the footnotes")
    }
}

/// `link-fragment` keeps its findings across an edit whose blocks hold no link, anchor or
/// heading markup: typing in the prose of a note with headings, links to them (some broken),
/// explicit ids, and pieces that make headings, links and anchors.
@Suite struct IncrementalLinkFragmentTests {
    @Test func typingAroundLinksToHeadingsKeepsTheirFindingsExactly() throws {
        let linter = try Linter(today: CalendarDay(year: 2026, month: 12, day: 6))
        var text = "# Notes\n\n"
        for index in 0..<24 {
            if index % 4 == 0 { text += "## Part \(index)\n\n" }
            text += "A remark on paper \(index), see [part](#part-\(index - index % 4)) and [gone](#gone-\(index)).\n\n"
            text += "More words about paper \(index) and what it shows.[^n\(index % 3)]\n\n"
            text += "Plain words on what to read next, and why.\n\nAnd a last line of prose.\n\n"
            if index % 6 == 0 { text += "An anchor {#anchor-\(index)} and [it](#anchor-\(index)).\n\n" }
        }
        let (first, incremental, kept) = try IncrementalLintPropertyTests.typeInProse(
            text, linter: linter, seed: 0x4652_4147,
            pieces: ["x", " ", "\n", "é", "#", "[", "]", "-", "\n---\n", "(#part-0)", "[^", "[^n1]"], steps: 300,
            keeps: { region, old, new in LinkFragment.keepsFindings(across: region, old: old.note, new: new.note) })
        #expect(first.contains { $0.ruleID == "link-fragment" })
        #expect(incremental > 200, "\(incremental) of 300 edits linted incrementally")
        #expect(kept > 50, "\(kept) of 300 edits kept the link-fragment findings")
    }
}
