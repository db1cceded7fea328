/// `BlockLines.contentStarts`: where each line's text begins in the paragraphs and headings of
/// `covered`, worked out when asked. Most paragraphs are read no further than their first line
/// (prose, not a field); making an array of starts for every one, and freeing it, cost more
/// than reading them.
struct BlockContentStarts {
    let blocks: [Block]
    let source: SourceText
    let covered: Range<Int>

    /// How many lines of block `index` have a start: all of a paragraph's or a heading's, none
    /// of another block's or of one that `covered` leaves out.
    func count(of index: Int) -> Int {
        guard covered.contains(index) else { return 0 }
        switch blocks[index].kind {
        case .paragraph, .heading: return blocks[index].lines.count
        default: return 0
        }
    }

    /// Where the text of line `position` (0 for the first) of block `index` starts.
    func start(of index: Int, at position: Int) -> Int {
        precondition(position < count(of: index), "no start for line \(position) of block \(index)")
        let content = source.lineContent(blocks[index].startLine + position)
        if position == 0 { return min(content.start + blocks[index].startColumn, content.end) }
        return BlockLines.stripContainers(
            source, from: content.start, to: content.end, quotes: BlockLines.quoteDepth(of: index, in: blocks))
    }
}
