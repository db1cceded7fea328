/// The records of an edited note from those of the note before the edit: the top-level blocks
/// around the lines cmark read again are read for records again, and the records elsewhere
/// are the old ones, kept above and moved below.
///
/// A record depends on its own block, the lines of its `Entry.extent`, and the top-level
/// blocks right before and after it (the heading that titles it, the list that holds its last
/// value). So the region read again is `EditedLines.region`, with the old records' extents; the
/// blocks it reads from reach one block further, and have their content starts measured.
enum RecordReuse {
    /// Nil when the records cannot be reused: the caller reads them all.
    static func records(
        of old: Note, after edit: TextReplacement, reparsedLines: Range<Int>, blocks: [Block], movedFootnoteBlocks: Int,
        source: SourceText, vocabulary: FieldVocabulary, excluded: [Bool]
    ) -> [Entry]? {
        let oldLines = old.lineIndex
        let newLines = source.lineIndex
        let byteDelta = edit.insertedCount - edit.range.length
        let blockDelta = blocks.count - old.blocks.count
        guard let edited = EditedLines(old: oldLines, new: newLines, edit: edit) else { return nil }
        let lineDelta = edited.lineDelta

        // The top-level blocks in document order: the footnote definitions cmark moved to the
        // end hold no records.
        let mainEnd = movedFootnoteBlocks
        let topLevel = Block.topLevel(of: blocks, in: 0..<mainEnd)
        let records = old.entries.first?.shape == .frontMatter ? old.entries.dropFirst() : old.entries[...]
        let region = edited.region(reparsed: reparsedLines, blocks: blocks, candidates: 0..<mainEnd, newEntries: [], oldEntries: records)
        let (low, high) = (region.lowerBound, region.upperBound)

        // The blocks read: whole top-level blocks within the region, with their descendants.
        let firstTop = topLevel.firstIndex { blocks[$0].endLine >= low } ?? topLevel.count
        let endTop = topLevel.firstIndex { blocks[$0].startLine > high } ?? topLevel.count
        let read = firstTop < endTop ? topLevel[firstTop]..<(endTop < topLevel.count ? topLevel[endTop] : mainEnd) : 0..<0
        let measuredFrom = firstTop > 0 ? topLevel[firstTop - 1] : 0
        let measuredTo = endTop + 1 < topLevel.count ? topLevel[endTop + 1] : mainEnd
        let linked = measuredFrom..<max(measuredFrom, measuredTo)
        let contentStarts = BlockLines.contentStarts(blocks: blocks, source: source, in: linked)
        let reader = RecordReader(
            blocks: blocks, contentStarts: contentStarts, source: source, vocabulary: vocabulary, excluded: excluded, linked: linked)
        let (found, lone) = reader.records(ofBlocks: read)

        // Records are kept or read again by their own lines: one whose extent only reaches into
        // the region is as it was.
        let oldHigh = high - lineDelta
        let above = records.prefix { $0.lines.upperBound < low }
        let below = records.suffix(from: records.lastIndex { $0.lines.lowerBound <= oldHigh }.map { $0 + 1 } ?? records.startIndex)
        // Every old record lies wholly above or below the region, or in it; every new one in it.
        guard records[above.endIndex..<below.startIndex].allSatisfy({ $0.lines.lowerBound >= low && $0.lines.upperBound <= oldHigh }),
            (found + lone).allSatisfy({ $0.lines.lowerBound >= low && $0.lines.upperBound <= high })
        else { return nil }
        // Lone `Title:` lines count only among other records: with none outside the region,
        // whether they count depends on the whole note.
        guard [above, below].joined().contains(where: { !$0.isLoneTitle }) else { return nil }
        // The front matter's record, if any, and those above.
        var entries: [Entry] = []
        entries.reserveCapacity(above.endIndex + found.count + lone.count + below.count)
        entries += old.entries[..<above.endIndex]
        entries += (found + lone).sorted { $0.range.start < $1.range.start }
        entries += below.lazy.map { $0.moved(bytes: byteDelta, lines: lineDelta, blocks: blockDelta) }
        return entries
    }
}
