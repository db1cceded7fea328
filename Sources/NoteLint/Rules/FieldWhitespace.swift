import NoteSyntax

struct FieldWhitespace: Rule {
    static let scope = RuleScope.lines

    static let description = RuleDescription(
        id: "field-whitespace",
        summary: "a tab, a run of spaces, trailing spaces or a control character in a field's value or after its colon",
        rationale: """
            Values copied from arXiv's pages carry tabs and double spaces (`Subjects:  \\tComputation \
            ...`). They are invisible in most editors, make values compare unequal, and leak into \
            everything built from the notes. Entries and front matter are checked; `Key: ` with one \
            space and no value is fine, and so are two spaces ending a line that the next line of \
            the record continues: Markdown's hard line break, which keeps the lines apart when the \
            note renders. The fix leaves one space after the colon and single spaces \
            inside the value.
            """,
        defaultSeverity: .info,
        severityNote: "warning for a control character or a lone carriage return inside a value, info for blanks",
        fix: .unsafe,
        fixNote: """
            Safe: it changes only blanks (tabs, runs of spaces, trailing spaces) around and \
            between the value's words, never a word, and turns control characters into spaces. \
            Unsafe: joining a line that a lone carriage return split, since Markdown or YAML read \
            two lines there.
            """,
        examples: RuleExamples(
            nonTriggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nSubjects: \n",
                "---\ntitle: \"Two  spaces, quoted\"\n---\n",
                "**Title**: RoFormer  \n**Link**: https://arxiv.org/abs/2104.09864  \n**Date**: 2021\n",
            ],
            triggering: [
                "Title: RoFormer\nSubjects:↓  \tComputation and Language (cs.CL)\n",
                "Title: Rotary↓  Position Embedding  \nDate: 2021\n",
                "---\ntitle:↓\t\"Title\"\n---\n",
                "Title: Scaling Laws for↓\u{0B}Sparse Mixtures\nLink: https://arxiv.org/abs/2202.01169\n",
                "---\ntitle: Scaling Laws↓\rfor Sparse Mixtures\nlayout: post\n---\n",
            ],
            corrections: [
                .init("Title:\tRoFormer:  Enhanced\t Transformer \nDate: 2021\n", "Title: RoFormer: Enhanced Transformer\nDate: 2021\n"),
                .init("---\ntitle:\t\"Notes\"   \nlayout: post\n---\n", "---\ntitle: \"Notes\"\nlayout: post\n---\n"),
                .init("Title: Rotary  Embedding  \nDate: 2021\n", "Title: Rotary Embedding  \nDate: 2021\n"),
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        let source = context.source
        for facts in context.entries where facts.entry.isWrittenAsLines {
            // By index: `for field in` copies every field, and nearly every one is plainly spaced.
            let fields = facts.entry.fields
            for index in fields.indices
            where fields[index].origin == .line && !Self.isPlainlySpaced(fields[index].rawValueRange, source) {
                checkField(fields[index], source: source, context: &context)
                checkControlCharacters(fields[index], source: source, context: &context)
            }
            checkBareCarriageReturns(in: facts.entry.lines, source: source, context: &context)
        }
        if let frontMatter = context.note.frontMatter, context.checks(frontMatter.lines) {
            checkBareCarriageReturns(in: frontMatter.lines, source: source, context: &context)
        }
        if let frontMatter = context.note.frontMatter, frontMatter.isClosed, context.checks(frontMatter.lines) {
            for pair in frontMatter.pairs {
                checkFrontMatterPair(pair, source: source, context: &context)
            }
        }
    }

    /// `Key: value` with one space after the colon, single spaces inside, none at the end and
    /// no control character (nearly every field): nothing for either check to look at.
    static func isPlainlySpaced(_ raw: ByteRange, _ source: SourceText) -> Bool {
        source.bytes.withUnsafeBufferPointer { bytes in
            guard !raw.isEmpty, bytes[raw.start] == 0x20 else { return raw.isEmpty }
            guard raw.length > 1 else { return true }
            guard bytes[raw.end - 1] != 0x20 else { return false }
            var previousBlank = true
            var offset = raw.start + 1
            // Eight bytes a step: a blank or control lane fails unless it is a space after a
            // lane that is not one.
            while offset + 8 <= raw.end {
                let word = ByteLanes.load(bytes, at: offset)
                let blanks = ByteLanes.blankOrControl(word)
                let afterBlank = (blanks << 8) | (previousBlank ? 0x80 : 0)
                if blanks & ~ByteLanes.equal(word, 0x20) != 0 || blanks & afterBlank != 0 { return false }
                previousBlank = blanks >> 63 != 0
                offset += 8
            }
            for offset in offset..<raw.end {
                let byte = bytes[offset]
                if byte > 0x20 && byte != 0x7F {
                    previousBlank = false
                    continue
                }
                if byte != 0x20 || previousBlank { return false }
                previousBlank = true
            }
            return true
        }
    }

    private func checkField(_ field: Field, source: SourceText, context: inout LintContext) {
        let raw = field.rawValueRange
        let bytes = source.bytes
        if field.isEmpty {
            // `Key:` and `Key: ` are both fine; anything else is stray whitespace.
            guard raw.length > 1 || (raw.length == 1 && bytes[raw.start] != 0x20) else { return }
            guard !Self.isHardLineBreak(raw, line: field.line, source) else { return }
            let fix = Fix(title: "Remove the trailing whitespace", applicability: .safe, edits: [TextEdit(range: raw, newText: " ")])
            context.report("trailing whitespace after `\(quoted: field.key):`", at: raw, fix: fix)
            return
        }
        // The value as written, emphasis and link brackets included.
        var written = raw
        while written.start < written.end && (bytes[written.start] == 0x20 || bytes[written.start] == 0x09) { written.start += 1 }
        while written.end > written.start && (bytes[written.end - 1] == 0x20 || bytes[written.end - 1] == 0x09) { written.end -= 1 }
        let gap = ByteRange(raw.start, written.start)
        let gapIsClean = gap.length == 1 && bytes[gap.start] == 0x20
        let runs =
            hasOddBlanks(written, bytes) ? blankRuns(in: written, bytes).filter { run in run.length > 1 || bytes[run.start] == 0x09 } : []
        // Two spaces before the paragraph's next line are a hard line break, written on purpose
        // to keep a record's lines apart when it renders: kept, and kept by the fix.
        let keepsBreak = Self.isHardLineBreak(ByteRange(written.end, raw.end), line: field.line, source)
        let trailing = keepsBreak ? ByteRange(raw.end, raw.end) : ByteRange(written.end, raw.end)
        var problems: [String] = []
        var first: Int? = nil
        var last = 0
        if !gapIsClean && !gap.isEmpty {
            problems.append(describe(gap, bytes) + " after `\(quoted: field.key):`")
            first = gap.start
            last = gap.end
        }
        if !runs.isEmpty {
            problems.append(
                runs.contains { bytes[$0.start..<$0.end].contains(0x09) }
                    ? "tabs or runs of spaces in the value" : "runs of spaces in the value")
            first = first ?? runs[0].start
            last = runs.last!.end
        }
        if !trailing.isEmpty {
            problems.append("trailing whitespace")
            first = first ?? trailing.start
            last = trailing.end
        }
        guard let start = first else { return }
        let value = Self.collapsingBlanks(written, bytes)
        let lineBreak = keepsBreak ? source.string(ByteRange(written.end, raw.end)) : ""
        let fix = Fix(
            title: "Normalize the whitespace", applicability: .safe, edits: [TextEdit(range: raw, newText: " " + value + lineBreak)])
        context.report(problems.joined(separator: ", "), at: ByteRange(start, last), fix: fix)
    }

    /// The text of `range` (which starts and ends with neither) with each run of spaces and
    /// tabs made one space.
    static func collapsingBlanks(_ range: ByteRange, _ bytes: [UInt8]) -> String {
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(range.length)
        var blank = false
        for byte in bytes[range.start..<range.end] {
            if byte == 0x20 || byte == 0x09 {
                blank = true
                continue
            }
            if blank { collapsed.append(0x20) }
            blank = false
            collapsed.append(byte)
        }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// Two or more spaces (no tab) ending a line that the next line continues, in the same
    /// paragraph: Markdown's hard line break.
    static func isHardLineBreak(_ trailing: ByteRange, line: Int, _ source: SourceText) -> Bool {
        let bytes = source.bytes
        guard trailing.length >= 2, bytes[trailing.start..<trailing.end].allSatisfy({ $0 == 0x20 }),
            trailing.end == source.lineContent(line).end, line + 1 < source.lineIndex.lineCount, !source.isBlankLine(line + 1)
        else { return false }
        let next = source.lineContent(line + 1)
        let start = source.skippingBlanks(from: next.start, before: next.end)
        // A list item's marker starts another block, where the spaces break nothing.
        guard start < next.end else { return false }
        switch bytes[start] {
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            return !(start + 1 == next.end || bytes[start + 1] == 0x20 || bytes[start + 1] == 0x09)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var end = start
            while end < next.end && bytes[end] >= UInt8(ascii: "0") && bytes[end] <= UInt8(ascii: "9") { end += 1 }
            return !(end < next.end && (bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")")))
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "|"):
            return false
        default:
            return true
        }
    }

    /// Control characters pasted into a value (a vertical tab where a PDF broke a line, a
    /// backspace): invisible, they break searches and comparisons. Warned; the fix turns each
    /// into a space.
    private func checkControlCharacters(_ field: Field, source: SourceText, context: inout LintContext) {
        let raw = field.rawValueRange
        let bytes = source.bytes
        guard bytes[raw.start..<raw.end].contains(where: Self.isControl) else { return }
        let controls = (raw.start..<raw.end).filter { Self.isControl(bytes[$0]) }
        guard let first = controls.first, let last = controls.last else { return }
        let names = Set(controls.map { Self.codePoint(bytes[$0]) }).sorted().joined(separator: ", ")
        let fix = Fix(
            title: "Replace the control characters with spaces", applicability: .safe,
            edits: controls.map { TextEdit(range: ByteRange($0, $0 + 1), newText: " ") })
        context.report(
            "a control character (\(names)) in the value of `\(quoted: field.key)`", at: ByteRange(first, last + 1),
            severity: .warning, fix: fix)
    }

    static func codePoint(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// C0 controls but tab, and DEL. Line breaks never reach a value.
    static func isControl(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F }

    /// A carriage return alone inside a record or the front matter of a note whose lines end
    /// otherwise: pasted text, which Markdown and YAML read as a line break in the middle of a
    /// value. The fix joins the two parts with a space, which changes what YAML or Markdown
    /// reads there: unsafe.
    private func checkBareCarriageReturns(in lines: ClosedRange<Int>, source: SourceText, context: inout LintContext) {
        let bytes = source.bytes
        for line in lines {
            let content = source.lineContent(line)
            let end = content.end
            guard end < bytes.count, bytes[end] == 0x0D, end + 1 >= bytes.count || bytes[end + 1] != 0x0A,
                !source.endsLinesWithCarriageReturns
            else { continue }
            let fix = Fix(
                title: "Replace the carriage return with a space", applicability: .unsafe,
                edits: [TextEdit(range: ByteRange(end, end + 1), newText: " ")])
            context.report(
                "a carriage return alone splits this line: pasted text?", at: ByteRange(end, end + 1), severity: .warning, fix: fix)
        }
    }

    /// Front matter: the blanks between `key:` and a value on the same line, and trailing
    /// blanks on that line. Blanks inside YAML values are content, not layout.
    private func checkFrontMatterPair(_ pair: YAMLPair, source: SourceText, context: inout LintContext) {
        let bytes = source.bytes
        let keyLine = source.lineIndex.line(containing: pair.key.range.start)
        let valueStart = pair.value.range.start
        guard source.lineIndex.line(containing: valueStart) == keyLine, valueStart > pair.key.range.end else { return }
        var colon = pair.key.range.end
        while colon < valueStart && bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon < valueStart else { return }
        let gap = ByteRange(colon + 1, valueStart)
        let key = pair.key.scalarText ?? "key"
        if !(gap.length == 1 && bytes[gap.start] == 0x20) && !gap.isEmpty {
            let fix = Fix(title: "Leave one space after the colon", applicability: .safe, edits: [TextEdit(range: gap, newText: " ")])
            context.report(describe(gap, bytes) + " after `\(quoted: key):`", at: gap, fix: fix)
        }
        let line = source.lineContent(keyLine)
        var end = line.end
        while end > valueStart && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        if end < line.end && end >= pair.value.range.end {
            let trailing = ByteRange(end, line.end)
            let fix = Fix(title: "Remove the trailing whitespace", applicability: .safe, edits: [.delete(trailing)])
            context.report("trailing whitespace after `\(quoted: key)`", at: trailing, fix: fix)
        }
    }

    /// A tab, or two blanks in a row: the cheap test before collecting runs.
    private func hasOddBlanks(_ range: ByteRange, _ bytes: [UInt8]) -> Bool {
        var previousBlank = false
        for offset in range.start..<range.end {
            let byte = bytes[offset]
            if byte == 0x09 || (byte == 0x20 && previousBlank) { return true }
            previousBlank = byte == 0x20
        }
        return false
    }

    private func blankRuns(in range: ByteRange, _ bytes: [UInt8]) -> [ByteRange] {
        var runs: [ByteRange] = []
        var offset = range.start
        while offset < range.end {
            guard bytes[offset] == 0x20 || bytes[offset] == 0x09 else {
                offset += 1
                continue
            }
            let start = offset
            while offset < range.end && (bytes[offset] == 0x20 || bytes[offset] == 0x09) { offset += 1 }
            runs.append(ByteRange(start, offset))
        }
        return runs
    }

    /// "a tab", "2 spaces", "2 spaces and a tab".
    private func describe(_ range: ByteRange, _ bytes: [UInt8]) -> String {
        let tabs = bytes[range.start..<range.end].filter { $0 == 0x09 }.count
        let spaces = range.length - tabs
        let parts = [
            spaces > 0 ? (spaces == 1 ? "a space" : "\(spaces) spaces") : nil,
            tabs > 0 ? (tabs == 1 ? "a tab" : "\(tabs) tabs") : nil,
        ].compactMap { $0 }
        return parts.joined(separator: " and ")
    }
}
