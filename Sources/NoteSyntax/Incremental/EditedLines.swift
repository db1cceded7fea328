/// Where an edit falls in a note's lines, and the region of lines around it that an edit can
/// have changed: what the records read again (`RecordReuse`) and the lint's checked part
/// (`EditRegion`) both start from.
public struct EditedLines: Sendable {
    /// The old lines the edit touched, the line before an edit at a line start included (its
    /// terminator may change), and the new line where the touched ones end.
    public let firstLine: Int
    public let lastOld: Int
    public let lastNew: Int
    public let lineDelta: Int

    /// Nil when the line counts do not line up as one edit apart should.
    public init?(old: LineIndex, new: LineIndex, edit: TextReplacement) {
        firstLine = old.line(containing: max(edit.range.start - 1, 0))
        lastOld = old.line(containing: edit.range.end)
        lastNew = new.line(containing: edit.range.start + edit.insertedCount)
        lineDelta = new.lineCount - old.lineCount
        guard lastNew - lastOld == lineDelta else { return nil }
    }

    /// An old range of lines in the new note's lines.
    public func moved(_ lines: ClosedRange<Int>) -> ClosedRange<Int> {
        let low = lines.lowerBound < firstLine ? lines.lowerBound : lines.lowerBound > lastOld ? lines.lowerBound + lineDelta : firstLine
        let high = lines.upperBound < firstLine ? lines.upperBound : lines.upperBound > lastOld ? lines.upperBound + lineDelta : lastNew
        return low...max(low, high)
    }

    /// The edited lines and `reparsed` (new lines cmark read again) widened to the top-level
    /// blocks they touch (those of `blocks` among `candidates`, in the new note); then to
    /// every extent that reaches those (of `newEntries`, and of `oldEntries` moved into the new
    /// note's lines), once: not on from one to the next, since records one blank line apart
    /// share that line in their extents and the region would be the whole list; to the blocks
    /// again; and by one block on either side (a record reads the heading before it and the
    /// list after it).
    ///
    /// Every block and entry is looked at, in plain loops over the arrays: this runs at every
    /// keystroke, over notes of tens of thousands of blocks.
    public func region(
        reparsed: Range<Int>, blocks: [Block], candidates: Range<Int>, newEntries: ArraySlice<Entry>, oldEntries: ArraySlice<Entry>
    ) -> ClosedRange<Int> {
        var low = min(firstLine, reparsed.lowerBound)
        var high = max(lastNew, reparsed.upperBound - 1)
        return blocks.withUnsafeBufferPointer { blocks in
            // Top-level blocks do not overlap: one pass takes in every one the lines touch.
            func widenToBlocks() {
                for index in candidates where blocks[index].storedParent == 0 {
                    let (start, end) = (blocks[index].startLine, blocks[index].endLine)
                    if start <= high && end >= low { (low, high) = (min(low, start), max(high, end)) }
                }
            }
            widenToBlocks()
            let changed = low...high
            for index in newEntries.indices where newEntries[index].extent.overlaps(changed) {
                let extent = newEntries[index].extent
                (low, high) = (min(low, extent.lowerBound), max(high, extent.upperBound))
            }
            for index in oldEntries.indices {
                let extent = moved(oldEntries[index].extent)
                if extent.overlaps(changed) { (low, high) = (min(low, extent.lowerBound), max(high, extent.upperBound)) }
            }
            widenToBlocks()
            // The last top-level block (in the blocks' order) ending above, the first starting below.
            for index in candidates.reversed() where blocks[index].storedParent == 0 && blocks[index].endLine < low {
                low = blocks[index].startLine
                break
            }
            for index in candidates where blocks[index].storedParent == 0 && blocks[index].startLine > high {
                high = blocks[index].endLine
                break
            }
            return low...high
        }
    }
}
