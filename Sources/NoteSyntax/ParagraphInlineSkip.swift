internal import CCmarkGFM

/// Spares cmark-gfm the inline pass over paragraphs and headings that cannot change the block
/// structure. notelint reads only blocks from cmark's tree, but `cmark_parser_finish` parses
/// the inline content of every paragraph and heading, a tenth of a whole check of
/// documentation. The one way inlines reach the blocks is footnotes: cmark keeps the
/// definitions some reference names (anywhere, even inside a definition it then drops), moved
/// to the end in the order of reference, and drops the rest. So a block keeps its inline pass
/// when one of its lines holds `[^`.
///
/// How: a block extension claims blocks as its own nodes (it opens none). cmark shows it the
/// innermost open container of each line on which no other block starts, blank lines among
/// them; the container's last child, when a paragraph or heading, has then taken its last
/// line (a paragraph continues on any line that is not blank, a heading on none), and is
/// claimed. Its lines known, a claimed block contains inlines only when one of them holds
/// `[^`. cmark never asks whether a claimed block continues: it has already ended. A paragraph
/// followed at once by another block (`- item` under `Notes:`) or ending the text is not
/// claimed and keeps its inline pass.
final class ParagraphInlineSkip {
    /// One per parse: cmark hands the callbacks the extension, and they find this object
    /// through its private pointer.
    let extensionPointer: OpaquePointer
    /// The lines of the parsed text (1-based, as cmark counts) that hold `[^`, ascending.
    private let referenceLines: [Int32]
    /// Claimed blocks whose inline pass cmark skipped.
    private(set) var skippedInlinePasses = 0

    init(referenceLines: [Int32]) {
        extensionPointer = cmark_syntax_extension_new("notelint-inline-skip")
        self.referenceLines = referenceLines
        cmark_syntax_extension_set_private(extensionPointer, Unmanaged.passUnretained(self).toOpaque(), nil)
        cmark_syntax_extension_set_open_block_func(extensionPointer, Self.claim)
        cmark_syntax_extension_set_contains_inlines_func(extensionPointer, Self.holdsInlines)
    }

    deinit { cmark_syntax_extension_free(cmark_get_default_mem_allocator(), extensionPointer) }

    /// The lines of `lines` that hold `[^`, numbered from 1 at `lines.lowerBound` (as cmark
    /// numbers the lines of a text parsed on its own), ascending.
    static func referenceLines(in bytes: UnsafeBufferPointer<UInt8>, lines: Range<Int>, lineStarts: [Int]) -> [Int32] {
        guard !lines.isEmpty, lines.lowerBound < lineStarts.count else { return [] }
        let end = lines.upperBound < lineStarts.count ? lineStarts[lines.upperBound] : bytes.count
        var found: [Int32] = []
        var line = lines.lowerBound
        var at = lineStarts[lines.lowerBound]
        while let bracket = ByteSearch.first(UInt8(ascii: "["), in: bytes, from: at, to: end - 1) {
            at = bracket + 1
            guard bytes[bracket + 1] == UInt8(ascii: "^") else { continue }
            while line + 1 < lines.upperBound && lineStarts[line + 1] <= bracket { line += 1 }
            let number = Int32(line - lines.lowerBound + 1)
            if found.last != number { found.append(number) }
        }
        return found
    }

    private func holdsReference(from first: Int32, to last: Int32) -> Bool {
        var low = 0
        var high = referenceLines.count
        while low < high {
            let middle = (low + high) / 2
            if referenceLines[middle] < first { low = middle + 1 } else { high = middle }
        }
        return low < referenceLines.count && referenceLines[low] <= last
    }

    private static func of(_ extensionPointer: OpaquePointer?) -> ParagraphInlineSkip {
        Unmanaged<ParagraphInlineSkip>.fromOpaque(cmark_syntax_extension_get_private(extensionPointer)).takeUnretainedValue()
    }

    private static let claim: cmark_open_block_func = { extensionPointer, _, _, container, _, _ in
        guard let container, let last = cmark_node_last_child(container), cmark_node_get_syntax_extension(last) == nil else {
            return nil
        }
        let type = cmark_node_get_type(last)
        if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { cmark_node_set_syntax_extension(last, extensionPointer) }
        return nil
    }

    /// Asked of every claimed block when the parse ends, its lines known.
    private static let holdsInlines: cmark_contains_inlines_func = { extensionPointer, node in
        guard let node else { return 0 }
        let type = cmark_node_get_type(node)
        guard type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING else { return 1 }
        let skip = of(extensionPointer)
        if skip.holdsReference(from: cmark_node_get_start_line(node), to: cmark_node_get_end_line(node)) { return 1 }
        skip.skippedInlinePasses += 1
        return 0
    }
}
