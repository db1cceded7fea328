/// The blocks of an edited note, from the blocks before the edit and a cmark parse of only the
/// lines around it.
///
/// cmark reads blocks in one pass, line by line, so what it makes of a line depends only on the
/// lines above it. Where the old parse started a top-level block at line S after a blank line,
/// with every earlier block ended above S, nothing was open at S: parsing from S on its own
/// gives what the whole parse gives. The re-parse starts at the last such S above the edit and
/// runs through the first line E of a later top-level block that the edit did not touch. If, in
/// that parse too, E starts a top-level block and every block above E ends above it, the state
/// after E is again the same as before the edit, and the old blocks from E on stay valid with
/// their lines moved. Otherwise E moves down a block (a few times, then to the end).
///
/// Footnotes are not local: cmark-gfm moves each referenced footnote definition to the end of
/// the document, in the order of first reference, and drops the others. So the re-parse is
/// taken only when neither the old nor the new lines it covers hold `]:` (a footnote or link
/// definition) or `][` (a reference followed by a link label), and cmark finds the same
/// footnote references in them, in the same order: then the definitions at the end are the
/// old ones, moved.
enum BlockReparse {
    /// After this many later starting points fail (an unclosed fence swallows the rest), the
    /// re-parse runs to the end of the note.
    private static let endAttempts = 4

    /// Nil when the edit touches the front matter or changes footnotes: then the caller parses
    /// the whole note.
    static func blocks(of old: Note, after edit: TextReplacement, source: SourceText, frontMatter: FrontMatter?) -> [Block]? {
        reparse(of: old, after: edit, source: source, frontMatter: frontMatter)?.blocks
    }

    /// The blocks, and the lines of the new text that cmark read again: the blocks outside them
    /// are the old ones, moved.
    static func reparse(of old: Note, after edit: TextReplacement, source: SourceText, frontMatter: FrontMatter?)
        -> (blocks: [Block], lines: Range<Int>)?
    {
        let oldLines = old.lineIndex
        let newLines = source.lineIndex
        guard edit.range.end <= old.source.count, edit.range.start + edit.insertedCount <= source.count else { return nil }
        let lineDelta = newLines.lineCount - oldLines.lineCount
        // The line before an edit at a line start counts as touched: its terminator may change.
        let firstLine = oldLines.line(containing: max(edit.range.start - 1, 0))
        let lastLine = oldLines.line(containing: edit.range.end)
        // Lines below the edit must be the old ones, moved.
        if lastLine + 1 < oldLines.lineCount {
            let moved = lastLine + 1 + lineDelta
            guard moved > 0, moved < newLines.lineCount,
                newLines.lineStarts[moved] == oldLines.lineStarts[lastLine + 1] + edit.byteDelta
            else { return nil }
        }
        guard old.frontMatter?.lines == frontMatter?.lines, old.frontMatter?.isClosed == frontMatter?.isClosed else { return nil }
        if let lines = frontMatter?.lines, firstLine <= lines.upperBound + 1 { return nil }

        let blocks = old.blocks
        // The definitions cmark moved to the end.
        let moved = old.movedFootnoteBlocks
        let topLevel = Block.topLevel(of: blocks, in: 0..<moved)
        // Where no block above the edit starts cleanly, the re-parse starts below the front
        // matter, where cmark starts fresh too.
        let startTop = cleanStart(blocks: blocks, topLevel: topLevel, before: firstLine, source: old.source)
        let start = startTop.map { blocks[topLevel[$0]].startLine } ?? (frontMatter.map { $0.lines.upperBound + 1 } ?? 0)
        let before = blocks[1..<(startTop.map { topLevel[$0] } ?? 1)]
        // cmark drops a byte order mark at the start of its input, and only there.
        if start > 0, startsWithByteOrderMark(source, line: start) { return nil }

        var endTop = topLevel.firstIndex { blocks[$0].startLine > max(lastLine, start) } ?? topLevel.count
        var attempts = 0
        while true {
            let toEnd = endTop == topLevel.count || attempts == endAttempts
            let oldEnd = toEnd ? oldLines.lineCount : blocks[topLevel[endTop]].startLine
            // A table right under a paragraph's text took its header row from that paragraph,
            // and measured the header's cells from the paragraph's start: it began above.
            if !toEnd, blocks[topLevel[endTop]].kind == .extensionBlock("table"), oldEnd > 0, !old.source.isBlankLine(oldEnd - 1) {
                endTop += 1
                attempts += 1
                continue
            }
            let end = oldEnd + lineDelta
            let through = toEnd ? newLines.lineCount : end + 1
            let region = CmarkBridge.parseBlocks(source.bytes, lines: start..<through, lineStarts: newLines.lineStarts)
            let cut = toEnd ? region.count : region.indices.dropFirst().first { region[$0].startLine >= end }
            if let cut,
                toEnd || (region[cut].parent == 0 && region[cut].startLine == end && region[1..<cut].allSatisfy { $0.endLine < end })
            {
                guard sameFootnoteReferences(old.source, lines: start..<oldEnd, source, lines: start..<end) else { return nil }
                let after = toEnd ? blocks[moved...] : blocks[topLevel[endTop]...]
                let blocks = splice(
                    before: before, region: region[1..<cut], after: after, lineCount: newLines.lineCount,
                    lineDelta: lineDelta, movedFrom: oldEnd, firstAfter: toEnd ? moved : topLevel[endTop])
                return (blocks, start..<(toEnd ? newLines.lineCount : end))
            }
            endTop += 1
            attempts += 1
        }
    }

    /// Whether the old lines and the new ones define nothing and reference the same footnotes.
    private static func sameFootnoteReferences(_ old: SourceText, lines oldLines: Range<Int>, _ new: SourceText, lines newLines: Range<Int>)
        -> Bool
    {
        let before = bytes(of: oldLines, in: old)
        let after = bytes(of: newLines, in: new)
        var marks = Marks()
        marks.scan(before)
        marks.scan(after)
        if marks.definitionOrLabel { return false }
        if !marks.footnote { return true }
        guard let labelsBefore = CmarkBridge.footnoteReferenceLabels(before) else { return false }
        return CmarkBridge.footnoteReferenceLabels(after) == labelsBefore
    }

    private struct Marks {
        var footnote = false
        var definitionOrLabel = false

        mutating func scan(_ bytes: ArraySlice<UInt8>) {
            var index = bytes.startIndex
            while index + 1 < bytes.endIndex {
                switch (bytes[index], bytes[index + 1]) {
                case (UInt8(ascii: "["), UInt8(ascii: "^")): footnote = true
                case (UInt8(ascii: "]"), UInt8(ascii: ":")), (UInt8(ascii: "]"), UInt8(ascii: "[")): definitionOrLabel = true
                default: break
                }
                index += 1
            }
        }
    }

    private static func startsWithByteOrderMark(_ source: SourceText, line: Int) -> Bool {
        let from = source.lineIndex.lineStarts[line]
        return source.bytes[from...].starts(with: [0xEF, 0xBB, 0xBF])
    }

    private static func bytes(of lines: Range<Int>, in source: SourceText) -> ArraySlice<UInt8> {
        guard !lines.isEmpty else { return [] }
        let from = source.lineIndex.lineStarts[lines.lowerBound]
        let to = lines.upperBound < source.lineIndex.lineCount ? source.lineIndex.lineStarts[lines.upperBound] : source.count
        return source.bytes[from..<to]
    }

    /// The index in `topLevel` of the last top-level block that starts above `line`, after a
    /// blank line, with every block before it ended above its start.
    private static func cleanStart(blocks: [Block], topLevel: [Int], before line: Int, source: SourceText) -> Int? {
        guard var candidate = topLevel.lastIndex(where: { blocks[$0].startLine < line }) else { return nil }
        // The lowest line a block before each candidate reaches, from the first candidate on.
        let reachBefore = blocks.withUnsafeBufferPointer { blocks in
            var reachBefore = [Int](repeating: -1, count: candidate + 1)
            var reach = -1
            var next = 0
            for index in 1..<blocks.count {
                while next <= candidate && topLevel[next] == index {
                    reachBefore[next] = reach
                    next += 1
                }
                if next > candidate { break }
                reach = max(reach, blocks[index].endLine)
            }
            return reachBefore
        }
        while candidate >= 0 {
            let start = blocks[topLevel[candidate]].startLine
            if start > 0, reachBefore[candidate] < start, source.isBlankLine(start - 1) { return candidate }
            candidate -= 1
        }
        return nil
    }

    /// The document block, the untouched blocks above, the re-parsed ones, then the untouched
    /// blocks below (and the footnote definitions at the end) with lines from `movedFrom` on
    /// moved by `lineDelta`, with parent indices renumbered.
    private static func splice(
        before: ArraySlice<Block>, region: ArraySlice<Block>, after: ArraySlice<Block>, lineCount: Int, lineDelta: Int,
        movedFrom: Int, firstAfter: Int
    ) -> [Block] {
        var result: [Block] = []
        result.reserveCapacity(1 + before.count + region.count + after.count)
        result.append(Block(kind: .document, parent: nil, depth: 0, startLine: 0, endLine: max(lineCount - 1, 0), startColumn: 0))
        result.append(contentsOf: before)
        // Region index r (the region's document is 0) lands at base + r - 1.
        let base = result.count
        for block in region {
            let parent = block.parent.map { $0 == 0 ? 0 : base + $0 - 1 }
            result.append(
                Block(
                    kind: block.kind, parent: parent, depth: block.depth, startLine: block.startLine, endLine: block.endLine,
                    startColumn: block.startColumn))
        }
        let shift = result.count - firstAfter
        // Typing within a line changes neither the blocks' number nor the lines below: the
        // blocks after are the old ones as they were.
        if shift == 0 && (lineDelta == 0 || after.allSatisfy({ $0.startLine < movedFrom })) {
            result.append(contentsOf: after)
            return result
        }
        for block in after {
            result.append(block.moved(lines: block.startLine >= movedFrom ? lineDelta : 0, parents: shift))
        }
        return result
    }
}
