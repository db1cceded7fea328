/// The footnotes of an edited note from those of the note before the edit: the lines around
/// the edit are scanned again, the references and definitions elsewhere are the old ones,
/// kept above and moved below.
///
/// The scan reads runs of text lines, and a definition goes on over the lines below it (over
/// blank lines too, when an indented line follows). So the lines scanned again start where a
/// run begins and no definition can reach (the line above is blank or not Markdown, and the
/// nearest text above is no definition's), and end where a run ends, wider than every old
/// definition they touch; a new definition that runs past them sends the caller to a whole scan.
enum FootnoteReuse {
    static func footnotes(
        of old: Note, after edit: TextReplacement, reparsedLines: Range<Int>, source: SourceText, lineKinds: [Note.LineKind],
        blocks: [Block]
    ) -> Footnotes? {
        let oldLines = old.lineIndex
        let newLines = source.lineIndex
        let byteDelta = edit.insertedCount - edit.range.length
        let lineDelta = newLines.lineCount - oldLines.lineCount
        let firstLine = oldLines.line(containing: max(edit.range.start - 1, 0))
        let lastOld = oldLines.line(containing: edit.range.end)
        let lastNew = newLines.line(containing: edit.range.start + edit.insertedCount)
        guard lastNew - lastOld == lineDelta else { return nil }
        // Definitions and references are in document order and do not overlap, so those the
        // lines reach are found by halving: every keystroke in a note of thousands of footnotes
        // looked at each of them.
        let definitions = old.footnotes.definitions
        // An old definition's lines in the new note, the edited lines taken as a whole.
        func extent(_ index: Int) -> ClosedRange<Int> {
            let lines = definitions[index].lines
            let low =
                lines.lowerBound < firstLine ? lines.lowerBound : lines.lowerBound > lastOld ? lines.lowerBound + lineDelta : firstLine
            let high = lines.upperBound < firstLine ? lines.upperBound : lines.upperBound > lastOld ? lines.upperBound + lineDelta : lastNew
            return low...max(low, high)
        }
        // The first old definition whose extent ends on `line` or below.
        func firstEnding(atOrAfter line: Int) -> Int {
            Halving.firstIndex(in: definitions.indices) { extent($0).upperBound >= line }
        }
        func isText(_ line: Int) -> Bool { lineKinds[line] == .markdown && !source.isBlankLine(line) }
        var low = min(firstLine, reparsedLines.lowerBound)
        var high = min(max(lastNew, reparsedLines.upperBound - 1), newLines.lineCount - 1)
        var changed = true
        while changed {
            changed = false
            let (before, after) = (low, high)
            var index = firstEnding(atOrAfter: low)
            while index < definitions.count && extent(index).lowerBound <= high {
                (low, high) = (min(low, extent(index).lowerBound), max(high, extent(index).upperBound))
                index += 1
            }
            while low > 0 && isText(low - 1) { low -= 1 }
            // Over blank lines, the nearest text above may be a definition that an indented
            // line at `low` would continue.
            var above = low - 1
            while above >= 0 && lineKinds[above] == .markdown && source.isBlankLine(above) { above -= 1 }
            let holding = above >= 0 ? firstEnding(atOrAfter: above) : definitions.count
            if above >= 0, above < low - 1, isText(above), holding < definitions.count, extent(holding).contains(above) {
                low = extent(holding).lowerBound
            }
            while high + 1 < newLines.lineCount && isText(high + 1) { high += 1 }
            changed = (low, high) != (before, after)
        }
        let oldHigh = high - lineDelta
        guard oldHigh >= lastOld, oldHigh < oldLines.lineCount else { return nil }
        let start = newLines.lineStarts[low]
        let oldEnd = oldHigh + 1 < oldLines.lineCount ? oldLines.lineStarts[oldHigh + 1] : old.source.count

        let scanned = FootnoteScanner.scan(source: source, lineKinds: lineKinds, blocks: blocks, lines: low..<(high + 1))
        guard scanned.definitions.allSatisfy({ $0.lines.upperBound <= high }) else { return nil }
        // Every old definition lies above, below or within the lines scanned again.
        let oldBelow = Halving.firstIndex(in: definitions.indices) { definitions[$0].lines.lowerBound > oldHigh }
        let oldAbove = Halving.firstIndex(in: definitions.indices) { definitions[$0].lines.upperBound >= low }
        guard oldAbove <= oldBelow,
            definitions[oldAbove..<oldBelow].allSatisfy({ $0.lines.lowerBound >= low && $0.lines.upperBound <= oldHigh })
        else { return nil }
        let references = old.footnotes.references
        let referencesAbove = references[..<Halving.firstIndex(in: references.indices) { references[$0].range.start >= start }]
        let referencesBelow = references[Halving.firstIndex(in: references.indices) { references[$0].range.start >= oldEnd }...]
        return Footnotes(
            references: referencesAbove + scanned.references + referencesBelow.map { $0.moved(bytes: byteDelta) },
            definitions: definitions[..<oldAbove] + scanned.definitions
                + definitions[oldBelow...].map { $0.moved(bytes: byteDelta, lines: lineDelta) })
    }
}
