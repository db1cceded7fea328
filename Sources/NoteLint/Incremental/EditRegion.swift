import NoteSyntax

/// The part of a note an edit can have changed for rules of `RuleScope.lines`: whole lines,
/// from the edit widened to every top-level block and entry it touches, before or after the
/// edit, and to one top-level block on either side. Outside it, entries and lines are the
/// old ones, moved by `byteDelta` and `lineDelta` below it.
struct EditRegion {
    /// Lines of the new note, and the same lines in the old one.
    let lines: Range<Int>
    let oldLines: Range<Int>
    /// The edit itself, in the old note's bytes.
    let edit: TextReplacement
    /// Its bytes in the new note and in the old one.
    let bytes: ByteRange
    let oldBytes: ByteRange
    let byteDelta: Int
    let lineDelta: Int
    /// How many entries lie wholly above it and wholly below it (the same in both notes).
    let entriesAbove: Int
    let entriesBelow: Int

    /// Nil when the notes do not line up as one edit apart should.
    init?(old: Note, new: Note, edit: TextReplacement, reparsedLines: Range<Int>) {
        let oldLines = old.lineIndex
        let newLines = new.lineIndex
        self.edit = edit
        byteDelta = edit.insertedCount - edit.range.length
        lineDelta = newLines.lineCount - oldLines.lineCount
        guard edit.range.end <= old.source.count, new.source.count == old.source.count + byteDelta else { return nil }
        // The line before an edit at a line start counts as touched: its terminator may change.
        let firstLine = oldLines.line(containing: max(edit.range.start - 1, 0))
        let lastOld = oldLines.line(containing: edit.range.end)
        let lastNew = newLines.line(containing: edit.range.start + edit.insertedCount)
        guard lastNew - lastOld == lineDelta else { return nil }
        let lineDelta = self.lineDelta

        // An old range of lines in the new note's lines.
        func moved(_ lines: ClosedRange<Int>) -> ClosedRange<Int> {
            let low =
                lines.lowerBound < firstLine ? lines.lowerBound : lines.lowerBound > lastOld ? lines.lowerBound + lineDelta : firstLine
            let high = lines.upperBound < firstLine ? lines.upperBound : lines.upperBound > lastOld ? lines.upperBound + lineDelta : lastNew
            return low...max(low, high)
        }
        let topLevel = new.blocks.indices.filter { new.blocks[$0].parent == 0 }.map { new.blocks[$0].lines }
        let newExtents = new.entries.map(\.extent)
        let oldExtents = old.entries.map { moved($0.extent) }
        var low = min(firstLine, reparsedLines.lowerBound)
        var high = max(lastNew, reparsedLines.upperBound - 1)
        // Top-level blocks do not overlap: one pass takes in every one the lines touch.
        func widenToBlocks() {
            for lines in topLevel where lines.lowerBound <= high && lines.upperBound >= low {
                (low, high) = (min(low, lines.lowerBound), max(high, lines.upperBound))
            }
        }
        widenToBlocks()
        // Every entry, before or after the edit, whose extent reaches the changed lines: its
        // findings may change. Not on from entry to entry: records one blank line apart share
        // that line in their extents, and the part of a list of such records an edit changed
        // would be the whole list.
        let (changedLow, changedHigh) = (low, high)
        for lines in newExtents + oldExtents where lines.lowerBound <= changedHigh && lines.upperBound >= changedLow {
            (low, high) = (min(low, lines.lowerBound), max(high, lines.upperBound))
        }
        widenToBlocks()
        if let above = topLevel.last(where: { $0.upperBound < low }) { low = above.lowerBound }
        if let below = topLevel.first(where: { $0.lowerBound > high }) { high = below.upperBound }
        high = min(high, newLines.lineCount - 1)
        low = max(0, min(low, high))
        lines = low..<(high + 1)

        let oldHigh = high - lineDelta
        guard oldHigh >= lastOld, oldHigh < oldLines.lineCount else { return nil }
        self.oldLines = low..<(oldHigh + 1)
        let start = newLines.lineStarts[low]
        let end = high + 1 < newLines.lineCount ? newLines.lineStarts[high + 1] : new.source.count
        let oldEnd = oldHigh + 1 < oldLines.lineCount ? oldLines.lineStarts[oldHigh + 1] : old.source.count
        guard oldLines.lineStarts[low] == start, end - oldEnd == byteDelta else { return nil }
        bytes = ByteRange(start, end)
        oldBytes = ByteRange(start, oldEnd)

        entriesAbove = newExtents.prefix { $0.upperBound < low }.count
        entriesBelow = newExtents.reversed().prefix { $0.lowerBound > high }.count
        let oldAbove = old.entries.prefix { $0.extent.upperBound < low }.count
        let oldBelow = old.entries.reversed().prefix { $0.extent.lowerBound > oldHigh }.count
        guard oldAbove == entriesAbove, oldBelow == entriesBelow,
            entriesAbove + entriesBelow <= min(old.entries.count, new.entries.count)
        else { return nil }
    }
}
