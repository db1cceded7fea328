import NoteSyntax

/// The edit behind "Disable RULE here": a `notelint-disable-next-line` comment on its own
/// line above the block holding the finding (an entry, a footnote definition, a paragraph),
/// or, for a finding in the front matter, the rule added to `notelint: {disable: [...]}`.
public enum SuppressionEdit {
    /// `lineEnding` is the document's (`LineEnding.detect` reads the whole text: once per
    /// document, not once per finding).
    public static func edit(for diagnostic: Diagnostic, in note: Note, lineEnding: LineEnding) -> TextEdit? {
        let source = note.source
        let line = source.lineIndex.line(containing: diagnostic.range.start)
        let newline = lineEnding.rawValue
        if let frontMatter = note.frontMatter, frontMatter.lines.contains(line) {
            return frontMatterEdit(rule: diagnostic.ruleID, frontMatter, source: source, newline: newline)
        }
        let blockStart = startOfBlock(containing: line, in: note)
        let lineStart = source.lineIndex.lineStarts[blockStart]
        let content = source.lineContent(blockStart)
        // Inside a block quote the comment must carry the `>` markers, or it would end the quote.
        var prefixEnd = lineStart
        while prefixEnd < content.end, [0x20, 0x09, UInt8(ascii: ">")].contains(source.bytes[prefixEnd]) { prefixEnd += 1 }
        let prefix = source.bytes[lineStart..<prefixEnd].contains(UInt8(ascii: ">")) ? source.string(ByteRange(lineStart, prefixEnd)) : ""
        return .insert(prefix + "<!-- notelint-disable-next-line \(diagnostic.ruleID) -->" + newline, at: lineStart)
    }

    static func startOfBlock(containing line: Int, in note: Note) -> Int {
        if let entry = note.entry(containingLine: line) { return entry.lines.lowerBound }
        if let definition = note.footnoteDefinition(containingLine: line) { return definition.lines.lowerBound }
        return note.innermostBlock(containingLine: line)?.startLine ?? line
    }

    private static func frontMatterEdit(rule: String, _ frontMatter: FrontMatter, source: SourceText, newline: String) -> TextEdit? {
        guard frontMatter.isClosed else { return nil }
        guard let settings = frontMatter.value(forKey: "notelint") else {
            let closing = source.lineIndex.lineStarts[frontMatter.lines.upperBound]
            return .insert("notelint: {disable: [\(rule)]}" + newline, at: closing)
        }
        // Only a flow list on one line can be extended safely: `disable: [a, b]`.
        guard case .sequence(let items, let range)? = settings["disable"] else { return nil }
        let line = source.lineContent(source.lineIndex.line(containing: range.start))
        var close = max(range.end, items.last?.range.end ?? range.start)
        while close < line.end && source.bytes[close] != UInt8(ascii: "]") { close += 1 }
        guard close < line.end else { return nil }
        return .insert(items.isEmpty ? rule : ", " + rule, at: close)
    }
}
