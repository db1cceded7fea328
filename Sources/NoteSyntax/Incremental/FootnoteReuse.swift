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
        let definitions = old.footnotes.definitions
        let oldExtents = definitions.map { definition -> ClosedRange<Int> in
            let lines = definition.lines
            let low =
                lines.lowerBound < firstLine ? lines.lowerBound : lines.lowerBound > lastOld ? lines.lowerBound + lineDelta : firstLine
            let high = lines.upperBound < firstLine ? lines.upperBound : lines.upperBound > lastOld ? lines.upperBound + lineDelta : lastNew
            return low...max(low, high)
        }
        func isText(_ line: Int) -> Bool { lineKinds[line] == .markdown && !source.isBlankLine(line) }
        var low = min(firstLine, reparsedLines.lowerBound)
        var high = min(max(lastNew, reparsedLines.upperBound - 1), newLines.lineCount - 1)
        var changed = true
        while changed {
            changed = false
            let (before, after) = (low, high)
            for extent in oldExtents where extent.lowerBound <= high && extent.upperBound >= low {
                (low, high) = (min(low, extent.lowerBound), max(high, extent.upperBound))
            }
            while low > 0 && isText(low - 1) { low -= 1 }
            // Over blank lines, the nearest text above may be a definition that an indented
            // line at `low` would continue.
            var above = low - 1
            while above >= 0 && lineKinds[above] == .markdown && source.isBlankLine(above) { above -= 1 }
            if above >= 0, above < low - 1, isText(above), let extent = oldExtents.first(where: { $0.contains(above) }) {
                low = extent.lowerBound
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
        let oldBelow = definitions.firstIndex { $0.lines.lowerBound > oldHigh } ?? definitions.count
        let oldAbove = definitions.prefix { $0.lines.upperBound < low }.count
        guard definitions[oldAbove..<oldBelow].allSatisfy({ $0.lines.lowerBound >= low && $0.lines.upperBound <= oldHigh }),
            definitions[oldBelow...].allSatisfy({ $0.lines.lowerBound > oldHigh })
        else { return nil }
        let references = old.footnotes.references
        let referencesAbove = references.prefix { $0.range.start < start }
        let referencesBelow = references.suffix(from: references.firstIndex { $0.range.start >= oldEnd } ?? references.count)
        return Footnotes(
            references: referencesAbove + scanned.references + referencesBelow.map { $0.moved(bytes: byteDelta) },
            definitions: definitions[..<oldAbove] + scanned.definitions
                + definitions[oldBelow...].map { $0.moved(bytes: byteDelta, lines: lineDelta) })
    }
}
