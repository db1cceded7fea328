internal import CCmarkGFM
internal import CParseArena

/// The one place that touches cmark-gfm: parses bytes and returns the block structure as Swift
/// values. No C pointer leaves this file, and every C object is freed before `parseBlocks`
/// returns: cmark allocates from the thread's parse arena (`CParseArena`), all of which is
/// taken back at once when the walk is done, instead of node by node. The tree is walked iteratively (an explicit path of open containers), never by
/// recursion, so nesting depth is bounded only by memory.
enum CmarkBridge {
    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// Must run before any parse happens on more than one thread.
    static func prepare() { _ = registerExtensions }

    /// `bytes` must hold no NUL (SourceText guarantees it); front matter already blanked.
    /// `blanked`, when given, is fed to cmark as spaces (its line breaks kept): the front
    /// matter, which is not Markdown. The rest is fed straight from `bytes`, uncopied.
    static func parseBlocks(_ bytes: [UInt8], blanked: ByteRange?, lineStarts: [Int]) -> [Block] {
        let cut = blanked ?? .empty(at: 0)
        let blank = bytes[cut.start..<cut.end].map { $0 == 0x0A || $0 == 0x0D ? $0 : 0x20 }
        return parse(
            [bytes[0..<cut.start], blank[...], bytes[cut.end...]], lines: 0..<lineStarts.count, bytes: bytes, lineStarts: lineStarts)
    }

    /// The blocks of `lines` parsed on their own, as a document of those lines alone, with
    /// lines numbered as in the whole text. The first block is that document.
    static func parseBlocks(_ bytes: [UInt8], lines: Range<Int>, lineStarts: [Int]) -> [Block] {
        let start = lineStarts[lines.lowerBound]
        let end = lines.upperBound < lineStarts.count ? lineStarts[lines.upperBound] : bytes.count
        return parse([bytes[start..<end]], lines: lines, bytes: bytes, lineStarts: lineStarts)
    }

    private static func parse(_ pieces: [ArraySlice<UInt8>], lines: Range<Int>, bytes: [UInt8], lineStarts: [Int]) -> [Block] {
        let referenceLines = bytes.withUnsafeBufferPointer {
            ParagraphInlineSkip.referenceLines(in: $0, lines: lines, lineStarts: lineStarts)
        }
        return parse(
            pieces, lines: lines, bytes: bytes, lineStarts: lineStarts, skipping: ParagraphInlineSkip(referenceLines: referenceLines))
    }

    /// With `skip` nil, every paragraph and heading gets its inline pass (tests compare both).
    static func parse(
        _ pieces: [ArraySlice<UInt8>], lines: Range<Int>, bytes: [UInt8], lineStarts: [Int], skipping skip: ParagraphInlineSkip?
    ) -> [Block] {
        withTree(of: pieces, skipping: skip) { walk($0, lines: lines, bytes: bytes, lineStarts: lineStarts) } ?? [documentOnly(lines)]
    }

    /// Texts up to this size are parsed in the thread's arena. The arena keeps what cmark frees
    /// along the way until the parse ends: a 17 MB list peaks at 672 MB in it against 540 MB
    /// with malloc, which only a text that large makes count.
    static let arenaLimit = 4 << 20

    /// `read`'s answer from the tree a new parser (footnotes on, the table extension attached)
    /// makes of `pieces`. Up to `arenaLimit` bytes, cmark allocates from this thread's
    /// parse arena, taken back at once when `read` returns; a larger text's tree is freed node
    /// by node. Nothing of the parser or its tree may outlive `read`.
    private static func withTree<Result>(
        of pieces: [ArraySlice<UInt8>], skipping skip: ParagraphInlineSkip?, _ read: (OpaquePointer) -> Result?
    ) -> Result? {
        prepare()
        let usesArena = pieces.reduce(0) { $0 + $1.count } <= arenaLimit
        defer { if usesArena { parse_arena_reset() } }
        let memory =
            usesArena ? UnsafeMutablePointer<cmark_mem>(OpaquePointer(parse_arena_allocator())) : cmark_get_default_mem_allocator()
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_FOOTNOTES, memory) else { return nil }
        defer { cmark_parser_free(parser) }
        // First: the table extension ends the search on the lines it answers for.
        if let skip { cmark_parser_attach_syntax_extension(parser, skip.extensionPointer) }
        // Only block extensions: inline ones (autolink, strikethrough) share global state that
        // makes parallel parses unsafe, and notelint reads inline syntax from the source itself.
        if let table = cmark_find_syntax_extension("table") {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        for piece in pieces { feed(parser, piece) }
        guard let root = cmark_parser_finish(parser) else { return nil }
        defer { if !usesArena { cmark_node_free(root) } }
        return read(root)
    }

    /// The labels of the footnote references cmark finds in `bytes`, in order, with every
    /// `[^label]` written there taken as defined; nil when one cannot be read back. The
    /// definitions go first, closed by an HTML comment line, so that `bytes` are parsed from a
    /// fresh state, as at a document's start.
    static func footnoteReferenceLabels(_ bytes: ArraySlice<UInt8>) -> [[UInt8]]? {
        var text: [UInt8] = []
        for label in Set(FootnoteLabelScan.labels(in: bytes)) {
            text.append(contentsOf: Array("[^".utf8) + label + Array("]: x\n\n".utf8))
        }
        text.append(contentsOf: Array("<!-- -->\n".utf8))
        text.append(contentsOf: bytes)
        return withTree(of: [text[...]], skipping: nil) { root -> [[UInt8]]? in
            guard let iterator = cmark_iter_new(root) else { return nil }
            defer { cmark_iter_free(iterator) }
            let lineStarts = LineIndex(text).lineStarts
            var labels: [[UInt8]] = []
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                    cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_REFERENCE
                else { continue }
                // The node's text is its number; its position points at the `[^label]` it was written as.
                let line = Int(cmark_node_get_start_line(node)) - 1
                guard line >= 0, line < lineStarts.count else { return nil }
                let at = lineStarts[line] + Int(cmark_node_get_start_column(node)) - 1
                guard at >= 0, at + 1 < text.count, text[at] == UInt8(ascii: "["), text[at + 1] == UInt8(ascii: "^"),
                    let close = text[(at + 2)...].firstIndex(of: UInt8(ascii: "]"))
                else { return nil }
                labels.append(Array(text[(at + 2)..<close]))
            }
            return labels
        }
    }

    private static func feed(_ parser: OpaquePointer, _ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress, chars.count > 0 {
                    cmark_parser_feed(parser, base, chars.count)
                }
            }
        }
    }

    private static func documentOnly(_ lines: Range<Int>) -> Block {
        Block(kind: .document, parent: nil, depth: 0, startLine: lines.lowerBound, endLine: max(lines.upperBound - 1, 0), startColumn: 0)
    }

    /// Visits the block nodes in document order without recursion, and without entering
    /// the inline nodes under paragraphs and headings (a quarter of the parse time went to
    /// stepping over them with `cmark_iter`).
    private static func walk(_ root: OpaquePointer, lines: Range<Int>, bytes: [UInt8], lineStarts: [Int]) -> [Block] {
        let firstLine = lines.lowerBound
        let lastLine = max(lines.upperBound - 1, firstLine)
        var blocks: [Block] = [documentOnly(lines)]
        // The open containers, as (node, index in `blocks`).
        var path: [(node: OpaquePointer, index: Int)] = [(root, 0)]
        var next = firstBlockChild(root)
        while !path.isEmpty {
            guard let node = next else {
                // Done with this container's children: go on after it.
                let finished = path.removeLast()
                next = path.isEmpty ? nil : cmark_node_next(finished.node)
                continue
            }
            let type = cmark_node_get_type(node)
            guard isBlock(type) else {
                next = cmark_node_next(node)
                continue
            }
            let kind = blockKind(node, type: type)
            var start = clampLine(firstLine + Int(cmark_node_get_start_line(node)) - 1, firstLine, lastLine)
            var end = clampLine(firstLine + Int(cmark_node_get_end_line(node)) - 1, firstLine, lastLine)
            // A table that interrupts a paragraph is dated from the paragraph's first line;
            // it starts at its header row, and so do the header and its cells.
            if kind == .extensionBlock("table") {
                start = tableHeaderLine(start: start, end: end, bytes: bytes, lineStarts: lineStarts)
            }
            // The paragraph left above such a table comes without a position (line 0): it runs
            // from where the table is dated to the line above its header.
            if kind == .paragraph, cmark_node_get_start_line(node) == 0, let table = cmark_node_next(node),
                blockKind(table, type: cmark_node_get_type(table)) == .extensionBlock("table")
            {
                start = clampLine(firstLine + Int(cmark_node_get_start_line(table)) - 1, firstLine, lastLine)
                let tableEnd = clampLine(firstLine + Int(cmark_node_get_end_line(table)) - 1, firstLine, lastLine)
                end = max(start, tableHeaderLine(start: start, end: tableEnd, bytes: bytes, lineStarts: lineStarts) - 1)
            }
            start = max(start, blocks[path.last!.index].startLine)
            if case .heading = kind { end = headingEnd(start: start, reportedEnd: end, bytes: bytes, lineStarts: lineStarts) }
            if kind == .thematicBreak { end = start }
            let column = max(Int(cmark_node_get_start_column(node)) - 1, 0)
            blocks.append(
                Block(
                    kind: kind, parent: path.last!.index, depth: path.count,
                    startLine: start, endLine: end, startColumn: column))
            if let child = firstBlockChild(node) {
                path.append((node, blocks.count - 1))
                next = child
            } else {
                next = cmark_node_next(node)
            }
        }
        return blocks
    }

    /// The line before a table's delimiter row (`|---|:-:|`), searched from where cmark dates it.
    private static func tableHeaderLine(start: Int, end: Int, bytes: [UInt8], lineStarts: [Int]) -> Int {
        guard start < end else { return start }
        for line in (start + 1)...end {
            let from = lineStarts[line]
            let to = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
            var dashes = 0
            var onlyDelimiters = true
            for byte in bytes[from..<to] {
                switch byte {
                case UInt8(ascii: "-"): dashes += 1
                case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    break
                default: onlyDelimiters = false
                }
                if !onlyDelimiters { break }
            }
            if onlyDelimiters && dashes > 0 { return line - 1 }
        }
        return start
    }

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK)
    }

    /// The first child when the node holds blocks; nil for leaves and for inline content.
    private static func firstBlockChild(_ node: OpaquePointer) -> OpaquePointer? {
        guard let child = cmark_node_first_child(node), isBlock(cmark_node_get_type(child)) else { return nil }
        return child
    }

    /// cmark reports a heading's end a line late at times (a setext heading before a blank
    /// line). An ATX heading is one line; a setext heading ends at its first underline line.
    private static func headingEnd(start: Int, reportedEnd: Int, bytes: [UInt8], lineStarts: [Int]) -> Int {
        guard start < reportedEnd else { return start }
        for line in start...reportedEnd {
            var offset = lineStarts[line]
            let limit = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
            while offset < limit && bytes[offset] == 0x20 { offset += 1 }
            if line == start && offset < limit && bytes[offset] == UInt8(ascii: "#") { return start }
            guard line > start, offset < limit, bytes[offset] == UInt8(ascii: "-") || bytes[offset] == UInt8(ascii: "=") else { continue }
            let marker = bytes[offset]
            while offset < limit && bytes[offset] == marker { offset += 1 }
            while offset < limit && (bytes[offset] == 0x20 || bytes[offset] == 0x09) { offset += 1 }
            if offset == limit || bytes[offset] == 0x0A || bytes[offset] == 0x0D { return line }
        }
        return reportedEnd
    }

    private static func clampLine(_ line: Int, _ firstLine: Int, _ lastLine: Int) -> Int { min(max(line, firstLine), lastLine) }

    private static func blockKind(_ node: OpaquePointer, type: cmark_node_type) -> Block.Kind {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: UInt8(clamping: cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        default:
            let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? "unknown"
            return .extensionBlock(Block.ExtensionBlock(name: name))
        }
    }
}
