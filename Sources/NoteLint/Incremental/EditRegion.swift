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
        guard let edited = EditedLines(old: oldLines, new: newLines, edit: edit) else { return nil }
        let region = edited.region(
            reparsed: reparsedLines, blocks: new.blocks, candidates: new.blocks.indices, newEntries: new.entries[...],
            oldEntries: old.entries[...])
        var (low, high) = (region.lowerBound, region.upperBound)
        high = min(high, newLines.lineCount - 1)
        low = max(0, min(low, high))
        lines = low..<(high + 1)

        let oldHigh = high - lineDelta
        guard oldHigh >= edited.lastOld, oldHigh < oldLines.lineCount else { return nil }
        self.oldLines = low..<(oldHigh + 1)
        let start = newLines.lineStarts[low]
        let end = high + 1 < newLines.lineCount ? newLines.lineStarts[high + 1] : new.source.count
        let oldEnd = oldHigh + 1 < oldLines.lineCount ? oldLines.lineStarts[oldHigh + 1] : old.source.count
        guard oldLines.lineStarts[low] == start, end - oldEnd == byteDelta else { return nil }
        bytes = ByteRange(start, end)
        oldBytes = ByteRange(start, oldEnd)

        let entries = (new: new.entries, old: old.entries)
        entriesAbove = entries.new.prefix { $0.extent.upperBound < low }.count
        entriesBelow = entries.new.reversed().prefix { $0.extent.lowerBound > high }.count
        // Counted on the old extents moved: above and below the region, moving changes nothing.
        let oldAbove = entries.old.prefix { edited.moved($0.extent).upperBound < low }.count
        let oldBelow = entries.old.reversed().prefix { edited.moved($0.extent).lowerBound > high }.count
        guard oldAbove == entriesAbove, oldBelow == entriesBelow,
            entriesAbove + entriesBelow <= min(old.entries.count, new.entries.count)
        else { return nil }
    }
}
