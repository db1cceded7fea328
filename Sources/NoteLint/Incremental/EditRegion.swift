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
        let newExtents = new.entries.map(\.extent)
        let oldExtents = old.entries.map { edited.moved($0.extent) }
        let region = edited.region(
            reparsed: reparsedLines, blocks: new.blocks.indices.filter { new.blocks[$0].parent == 0 }.map { new.blocks[$0].lines },
            extents: newExtents + oldExtents)
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

        entriesAbove = newExtents.prefix { $0.upperBound < low }.count
        entriesBelow = newExtents.reversed().prefix { $0.lowerBound > high }.count
        // Counted on the old extents moved: above and below the region, moving changes nothing.
        let oldAbove = oldExtents.prefix { $0.upperBound < low }.count
        let oldBelow = oldExtents.reversed().prefix { $0.lowerBound > high }.count
        guard oldAbove == entriesAbove, oldBelow == entriesBelow,
            entriesAbove + entriesBelow <= min(old.entries.count, new.entries.count)
        else { return nil }
    }
}
