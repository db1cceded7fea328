internal import CCmarkGFM

/// The one place that touches cmark-gfm: parses bytes and returns the block structure as Swift
/// values. No C pointer leaves this file, and every C object is freed before `parseBlocks`
/// returns. The tree is walked iteratively (an explicit path of open containers), never by
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
        let lineCount = lineStarts.count
        prepare()
        let options = CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return [documentOnly(lineCount)] }
        defer { cmark_parser_free(parser) }
        // Only block extensions: inline ones (autolink, strikethrough) share global state that
        // makes parallel parses unsafe, and notelint reads inline syntax from the source itself.
        if let table = cmark_find_syntax_extension("table") {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        let cut = blanked ?? .empty(at: 0)
        let blank = bytes[cut.start..<cut.end].map { $0 == 0x0A || $0 == 0x0D ? $0 : 0x20 }
        feed(parser, bytes[0..<cut.start])
        feed(parser, blank[...])
        feed(parser, bytes[cut.end...])
        guard let root = cmark_parser_finish(parser) else { return [documentOnly(lineCount)] }
        defer { cmark_node_free(root) }
        return walk(root, bytes: bytes, lineStarts: lineStarts)
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

    private static func documentOnly(_ lineCount: Int) -> Block {
        Block(kind: .document, parent: nil, depth: 0, startLine: 0, endLine: max(lineCount - 1, 0), startColumn: 0)
    }

    /// Visits the block nodes in document order without recursion, and without entering
    /// the inline nodes under paragraphs and headings (a quarter of the parse time went to
    /// stepping over them with `cmark_iter`).
    private static func walk(_ root: OpaquePointer, bytes: [UInt8], lineStarts: [Int]) -> [Block] {
        let lineCount = lineStarts.count
        let lastLine = max(lineCount - 1, 0)
        var blocks: [Block] = [documentOnly(lineCount)]
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
            var start = clampLine(Int(cmark_node_get_start_line(node)) - 1, lastLine)
            var end = clampLine(Int(cmark_node_get_end_line(node)) - 1, lastLine)
            // A table that interrupts a paragraph is dated from the paragraph's first line;
            // it starts at its header row, and so do the header and its cells.
            if kind == .extensionBlock("table") {
                start = tableHeaderLine(start: start, end: end, bytes: bytes, lineStarts: lineStarts)
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

    private static func clampLine(_ line: Int, _ lastLine: Int) -> Int { min(max(line, 0), lastLine) }

    private static func blockKind(_ node: OpaquePointer, type: cmark_node_type) -> Block.Kind {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        default:
            let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? "unknown"
            return .extensionBlock(name)
        }
    }
}
