extension Note {
    /// The entry whose lines (or `---` underline) hold `line`; a binary search, since entries
    /// are in document order and do not overlap.
    public func entry(containingLine line: Int) -> Entry? {
        guard let index = lastIndex(in: entries, startingAtOrBefore: line, start: \.lines.lowerBound) else { return nil }
        let entry = entries[index]
        return entry.lines.contains(line) || entry.headingUnderlineLine == line ? entry : nil
    }

    public func footnoteDefinition(containingLine line: Int) -> FootnoteDefinition? {
        guard let index = lastIndex(in: footnotes.definitions, startingAtOrBefore: line, start: \.lines.lowerBound) else { return nil }
        let definition = footnotes.definitions[index]
        return definition.lines.contains(line) ? definition : nil
    }

    /// The innermost block holding `line`: the last block in document order that starts at or
    /// before it, or the nearest of its ancestors that reaches the line. cmark-gfm puts the
    /// footnote definitions after every other block, in the order they are first referenced:
    /// the blocks before them are searched by halving, each definition's own blocks in turn.
    public func innermostBlock(containingLine line: Int) -> Block? {
        if var index = lastIndex(in: blocks, below: movedFootnoteBlocks, startingAtOrBefore: line, start: { $0.startLine }) {
            while true {
                let block = blocks[index]
                if block.lines.contains(line) && block.kind != .document { return block }
                guard let parent = block.parent else { break }
                index = parent
            }
        }
        var index = movedFootnoteBlocks
        while index < blocks.count {
            let definition = blocks[index]
            var next = index + 1
            var innermost: Int? = definition.lines.contains(line) ? index : nil
            while next < blocks.count && blocks[next].depth > definition.depth {
                if innermost != nil && blocks[next].lines.contains(line) { innermost = next }
                next += 1
            }
            if let innermost { return blocks[innermost] }
            index = next
        }
        return nil
    }

    /// Whether a heading starts on one of `lines`: the blocks in document order by halving,
    /// the footnote definitions cmark moved after them one by one.
    public func hasHeading(startingOn lines: Range<Int>) -> Bool {
        func isHeading(_ block: Block) -> Bool {
            if case .heading = block.kind { return true }
            return false
        }
        let before = lastIndex(in: blocks, below: movedFootnoteBlocks, startingAtOrBefore: lines.lowerBound - 1, start: { $0.startLine })
        var index = before.map { $0 + 1 } ?? 0
        while index < movedFootnoteBlocks && blocks[index].startLine < lines.upperBound {
            if isHeading(blocks[index]) { return true }
            index += 1
        }
        return blocks[movedFootnoteBlocks...].contains { lines.contains($0.startLine) && isHeading($0) }
    }

    private func lastIndex<T>(in items: [T], below end: Int? = nil, startingAtOrBefore line: Int, start: (T) -> Int) -> Int? {
        let after = Halving.firstIndex(in: 0..<(end ?? items.count)) { start(items[$0]) > line }
        return after == 0 ? nil : after - 1
    }
}

extension Note {
    /// `line` read as a `Key: value` field on its own, whether or not its paragraph is an
    /// entry (completion reads an entry while one of its lines is half typed).
    public func field(onLine line: Int) -> Field? {
        guard line >= 0, line < lineIndex.lineCount, lineKinds[line] == .markdown else { return nil }
        return FieldLine.parseKeyAndValue(
            line: line, contentStart: FieldLine.afterListMarker(line: line, source: source),
            source: source, vocabulary: vocabulary)
    }
}
