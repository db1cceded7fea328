import NoteInvariants
import Testing

@testable import NoteSyntax

/// Everything the parser returns must lie inside the text and be well-formed.
private func checkInvariants(_ note: Note, _ context: String = "", dump: Bool = true) {
    let source = note.source
    let count = source.count
    let lineCount = note.lineIndex.lineCount
    func inText(_ range: ByteRange) -> Bool { range.start >= 0 && range.start <= range.end && range.end <= count }
    func inLines(_ lines: ClosedRange<Int>) -> Bool { lines.lowerBound >= 0 && lines.upperBound < lineCount }

    #expect(note.lineKinds.count == lineCount, "\(context)")
    #expect(note.blocks.first?.kind == .document, "\(context)")
    for (index, block) in note.blocks.enumerated() {
        #expect(inLines(block.lines) && block.startColumn >= 0, "block \(index) \(block) \(context)")
        if let parent = block.parent {
            #expect(parent < index && block.depth == note.blocks[parent].depth + 1, "block \(index) \(context)")
        } else {
            #expect(index == 0 && block.depth == 0, "\(context)")
        }
    }
    for problem in source.encodingProblems { #expect(inText(problem.range) && !problem.range.isEmpty, "\(context)") }
    for entry in note.entries {
        #expect(inLines(entry.lines) && !entry.fields.isEmpty && inText(entry.range), "\(context)")
        #expect(entry.blockIndex < note.blocks.count, "\(context)")
        if let underline = entry.headingUnderlineLine { #expect(underline > entry.lines.upperBound && underline < lineCount, "\(context)") }
        for field in entry.fields {
            let line = note.lineIndex.contentRange(ofLine: field.line)
            #expect(entry.lines.contains(field.line), "\(context)")
            #expect(inText(field.valueRange) && inText(field.keyRange), "\(context)")
            switch field.origin {
            case .line:
                #expect(line.start <= field.keyRange.start && field.keyRange.end <= field.colonOffset, "\(context)")
                #expect(field.colonOffset < line.end && source.bytes[field.colonOffset] == UInt8(ascii: ":"), "\(context)")
                #expect(field.rawValueRange.start > field.colonOffset && field.rawValueRange.end == line.end, "\(context)")
                #expect(
                    field.rawValueRange.start <= field.valueRange.start && field.valueRange.end <= field.rawValueRange.end, "\(context)")
                #expect(field.key == source.string(field.keyRange) && field.value == source.string(field.valueRange), "\(context)")
                #expect(field.range.start == field.keyRange.start && field.range.end <= line.end, "\(context)")
            case .heading, .linkTarget, .tableCell:
                #expect(field.value == source.string(field.valueRange), "\(context)")
                #expect(line.start <= field.valueRange.start && field.valueRange.end <= line.end, "\(context)")
            case .frontMatter:
                #expect(note.frontMatter?.lines.contains(field.line) == true, "\(context)")
            }
        }
    }
    for reference in note.footnotes.references {
        let range = reference.range
        #expect(inText(range) && range.length >= 4, "\(context)")
        if inText(range) && range.length >= 4 {
            #expect(
                Array(source.bytes[range.start..<(range.start + 2)]) == Array("[^".utf8)
                    && source.bytes[range.end - 1] == UInt8(ascii: "]"), "\(context)")
        }
        #expect(reference.key == Footnotes.key(for: reference.label), "\(context)")
        #expect(note.lineKinds[note.lineIndex.line(containing: range.start)] == .markdown, "\(context)")
    }
    for definition in note.footnotes.definitions {
        #expect(inLines(definition.lines) && inText(definition.markerRange) && inText(definition.textRange), "\(context)")
        let first = note.lineIndex.contentRange(ofLine: definition.lines.lowerBound)
        #expect(first.start <= definition.markerRange.start && definition.markerRange.end <= first.end, "\(context)")
        #expect(definition.textRange.start >= definition.markerRange.end, "\(context)")
    }
    for comment in note.comments {
        #expect(inText(comment.range) && comment.line <= comment.endLine && comment.endLine < lineCount, "\(context)")
    }
    if let frontMatter = note.frontMatter {
        #expect(inLines(frontMatter.lines) && frontMatter.lines.lowerBound == 0, "\(context)")
        if let problem = frontMatter.problem { #expect(problem.offset >= 0 && problem.offset <= count, "\(context)") }
        for pair in frontMatter.pairs { #expect(inText(pair.key.range) && inText(pair.value.range), "\(context)") }
    }
    if dump { #expect(!note.dump().isEmpty) }
}

/// Each input once made a scanner quadratic or recursive. The limit only stops a hang (sanitizer
/// builds are many times slower); speed per megabyte is measured by bench/pathological.py.
@Suite(.timeLimit(.minutes(10))) struct RobustnessTests {
    @Test func deeplyNestedBlockQuotes() {
        let note = Note(String(repeating: ">", count: 50_000) + " Title: x\n" + String(repeating: ">", count: 50_000) + " Date: y\n")
        // (a lazy continuation line: one paragraph, one record)
        #expect(note.blocks.filter { $0.kind == .blockQuote }.count == 50_000)
        #expect(note.blocks.map(\.depth).max() == 50_001)
        #expect(note.entries.first?.fields.map(\.value) == ["x", "y"])
        checkInvariants(note, dump: false)
    }

    @Test func deeplyNestedListItems() {
        let note = Note(String(repeating: "- ", count: 10_000) + "Title: x\n" + String(repeating: " ", count: 20_000) + "Link: y\n")
        #expect(note.blocks.filter { $0.kind == .item }.count == 10_000)
        #expect(note.entries.first?.fields.first?.valueRange == ByteRange(20_007, 20_008))
        checkInvariants(note, dump: false)
    }

    @Test(arguments: [
        ("plain", "a"), ("footnote openers", "[^"), ("tag openers", "<a"), ("comment openers", "<!--"),
        ("colons", "k: "), ("escapes", "\\"), ("labels", "[^x]"), ("brackets", "[^[^"),
    ])
    func fiveMegabyteLine(name: String, unit: String) {
        let text = String(repeating: unit, count: 5_000_000 / unit.utf8.count) + "\n"
        let note = Note(text)
        checkInvariants(note, name, dump: false)
    }

    @Test func backtickRunsOfGrowingLength() {
        // Every run is unmatched: a naive scan for each closer is cubic in the run count.
        let text = (1...4_000).map { String(repeating: "`", count: $0) }.joined(separator: " ") + " [^x]\n"
        #expect(text.utf8.count > 8_000_000)
        let note = Note(text)
        #expect(note.footnotes.references.map(\.label) == ["x"])
    }

    @Test func manyFootnoteLabelsThatNeverClose() {
        let text = String(repeating: "[^" + String(repeating: "a", count: 990), count: 5_000) + "\n"
        let note = Note(text)
        #expect(note.footnotes.references.isEmpty)
    }

    @Test func onlyNULBytes() {
        let note = Note(bytes: [UInt8](repeating: 0, count: 100_000))
        #expect(note.source.encodingProblems.count == 100_000)
        #expect(note.source.bytes.allSatisfy { $0 == UInt8(ascii: "?") })
        #expect(note.blocks.map(\.kind) == [.document, .paragraph])
        checkInvariants(note, dump: false)
    }

    @Test func emptyAndTinyInputs() {
        for text in ["", "\n", "\r", "\r\n", "---", "---\n", "---\n---", ">", "-", "[^", "[^a]:", "`", "<!--", "Title:", ":", "\u{FEFF}"] {
            checkInvariants(Note(text), text.debugDescription)
        }
    }

    @Test func randomInputs() {
        let pieces = [
            "[^", "]", "]:", "^", "a", "Title", ":", " ", "\t", "---", "...", ">", "- ", "1. ", "`", "```",
            "<!--", "-->", "<div>", "<a ", "\\", "\r", "\n", "\r\n", "    ", "é", "中", "😀", "e\u{301}", "|", "#",
            "&a ", "*a", "[", "{", "}", "\u{0}",
            "Title: x\n", "Date:\n", "Link: \t", "\n\n", "[^a]: ", "[^B b]", "key: value\n", "\n---\n", "> Title: y\n",
        ]
        var generator = SeededGenerator(seed: 20_240_229)
        for iteration in 0..<400 {
            var bytes: [UInt8] = []
            if Bool.random(using: &generator) { bytes += Array("---\n".utf8) }
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                if Int.random(in: 0..<20, using: &generator) == 0 {
                    bytes.append(UInt8.random(in: 0x80...0xFF, using: &generator))
                } else {
                    bytes += Array(pieces.randomElement(using: &generator)!.utf8)
                }
            }
            let note = Note(bytes: bytes)
            checkInvariants(note, "iteration \(iteration): \(bytes)")
            // The line index round-trips every scalar boundary of the sanitized text.
            let scalarStarts = note.source.bytes.indices.filter { note.source.bytes[$0] & 0xC0 != 0x80 }
            for offset in scalarStarts where note.lineIndex.contentRange(ofLine: note.lineIndex.line(containing: offset)).contains(offset) {
                let position = note.lineIndex.position(of: offset, in: .utf16)
                #expect(note.lineIndex.offset(of: position, in: .utf16) == offset, "iteration \(iteration) offset \(offset)")
            }
        }
    }

    @Test func parsingTwiceGivesTheSameResult() {
        let text = "---\na: &x 1\nb: *x\n---\nTitle: x\n---\n\n> [^a]: q\n\nx[^a] `[^b]`\n"
        let first = Note(text)
        let second = Note(text)
        #expect(first.dump() == second.dump())
        #expect(first.entries == second.entries && first.footnotes == second.footnotes && first.blocks == second.blocks)
    }
}
