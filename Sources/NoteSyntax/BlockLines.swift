/// Where the text of each line of a paragraph or heading begins, once container markers
/// (block quote `>`, list indentation) are stripped. cmark's columns are right for a block's
/// first line only, so later lines are measured from the source.
enum BlockLines {
    /// For the blocks in `range` (all by default); empty for the others.
    static func contentStarts(blocks: [Block], source: SourceText, in range: Range<Int>? = nil) -> BlockContentStarts {
        BlockContentStarts(blocks: blocks, source: source, covered: range ?? blocks.indices)
    }

    /// How many block quotes hold the block, counted without listing its ancestors.
    static func quoteDepth(of index: Int, in blocks: [Block]) -> Int {
        var depth = 0
        var current = blocks[index].parent
        while let parent = current {
            if blocks[parent].kind == .blockQuote { depth += 1 }
            current = blocks[parent].parent
        }
        return depth
    }

    static func ancestors(of index: Int, in blocks: [Block]) -> [Int] {
        var result: [Int] = []
        var current = blocks[index].parent
        while let parent = current {
            result.append(parent)
            current = blocks[parent].parent
        }
        return result
    }

    static func stripContainers(_ source: SourceText, from start: Int, to end: Int, quotes: Int) -> Int {
        let bytes = source.bytes
        var offset = start
        for _ in 0..<quotes {
            var probe = offset
            while probe < end && FieldLine.isBlank(bytes[probe]) { probe += 1 }
            guard probe < end, bytes[probe] == UInt8(ascii: ">") else { break }
            offset = probe + 1
            if offset < end && bytes[offset] == 0x20 { offset += 1 }
        }
        while offset < end && FieldLine.isBlank(bytes[offset]) { offset += 1 }
        return offset
    }
}
