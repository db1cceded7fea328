/// Finds a note's records in its blocks, in every shape of docs/records.md, on evidence: a
/// block is a record only when its fields carry two or more known roles, one identifying.
struct RecordReader {
    let blocks: [Block]
    let contentStarts: BlockContentStarts
    let source: SourceText
    let vocabulary: FieldVocabulary
    /// Blocks never read: those inside footnote definitions.
    let excluded: [Bool]
    let children: BlockChildren
    let roleCache = RoleCache()

    /// Parents and siblings are linked for the blocks of `linked` (all by default): a reader of
    /// a few blocks links those and their neighbours only.
    init(
        blocks: [Block], contentStarts: BlockContentStarts, source: SourceText, vocabulary: FieldVocabulary, excluded: [Bool],
        linked: Range<Int>? = nil
    ) {
        self.blocks = blocks
        self.contentStarts = contentStarts
        self.source = source
        self.vocabulary = vocabulary
        self.excluded = excluded
        children = BlockChildren(blocks: blocks, linking: linked ?? blocks.indices)
    }

    /// Two known roles, one identifying, among fields that are mostly known: a block of
    /// `Key: value` lines with keys of their own (a changelog's `**crypto**: ...` items) that
    /// happens to hold a `url` is no record.
    static func isRecord(_ fields: [Field], vocabulary: FieldVocabulary) -> Bool {
        // Roles whose value needs no look (a title, subjects) first: most records are settled
        // by them before any value is read.
        var roles: UInt32 = 0
        var unknown = 0
        // By index: `for field in` copies every field.
        for index in fields.indices {
            guard let role = fields[index].role else {
                if !vocabulary.isKnown(fields[index].key) { unknown += 1 }
                continue
            }
            if !role.needsEvidence || fields[index].isEmpty { roles |= role.bit }
        }
        guard 2 * unknown <= fields.count else { return false }
        func settled() -> Bool { roles.nonzeroBitCount >= 2 && roles & FieldRole.identifyingBits != 0 }
        if settled() { return true }
        for index in fields.indices {
            guard let role = fields[index].role, role.needsEvidence, roles & role.bit == 0, isEvidence(fields[index]) else { continue }
            roles |= role.bit
            if settled() { return true }
        }
        return false
    }

    /// A paragraph of one line that names a paper (`Title: Some Paper`, `Link: arXiv:2104.09864`)
    /// is a record begun, when the note has other records.
    static func isLoneRecord(_ fields: [Field]) -> Bool {
        guard fields.count == 1, let field = fields.first, !field.isEmpty, let role = field.role else { return false }
        if role == .title { return true }
        let value = field.value.lowercased()
        return role.isLocation && (value.contains(ascii: "arxiv.org/") || value.hasPrefix("arxiv:") || value.contains(ascii: "doi.org/"))
    }

    /// Whether a field's value fits its role well enough to count as evidence of a record: a
    /// location is a URL, an identifier or a placeholder, a date has a digit. A description of
    /// fields (`- Link: where the paper lives`) or a sentence that mentions a URL is no evidence.
    /// Empty values count: a template left blank is a record.
    static func isEvidence(_ field: Field) -> Bool {
        guard let role = field.role, !field.isEmpty else { return true }
        switch role {
        case .link, .pdf, .doi, .code:
            let looksLikeLocation =
                ["http://", "https://", "www.", "arxiv:", "doi:", "10."].contains { hasPrefixIgnoringCase(field.value, $0) }
                || field.value.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } == true
            let words = wordCount(field.value, upTo: 4)
            return looksLikeLocation ? words <= 3 : words < 3
        case .date, .year:
            return field.value.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } || wordCount(field.value, upTo: 3) < 3
        default:
            return true
        }
    }

    /// Blank-separated words, counted up to `limit`.
    private static func wordCount(_ text: String, upTo limit: Int) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let blank = byte == 0x20 || byte == 0x09
            if !blank && !inWord {
                count += 1
                if count >= limit { return count }
            }
            inWord = !blank
        }
        return count
    }

    private static func hasPrefixIgnoringCase(_ text: String, _ prefix: String) -> Bool {
        var iterator = text.utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = iterator.next(), byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0) == expected else { return false }
        }
        return true
    }

    func records() -> [Entry] {
        var (records, lone) = records(ofBlocks: blocks.indices)
        // A lone `Title:` line is a record begun only among other records: in prose it is prose.
        if !records.isEmpty { records += lone }
        records.sort { $0.range.start < $1.range.start }
        return records
    }

    /// The records read from `range` of the blocks (whole top-level blocks), and apart the lone
    /// `Title:` lines, which are records only when the note has others.
    func records(ofBlocks range: Range<Int>) -> (records: [Entry], lone: [Entry]) {
        var records: [Entry] = []
        var consumedLists = Set<Int>()
        var lone: [Entry] = []
        for index in range where !excluded[index] {
            let block = blocks[index]
            switch block.kind {
            case .paragraph:
                if isFirstChildOfItem(index) { continue }
                if let record = paragraphRecord(index) {
                    if record.fields.count == 1 && record.fields[0].role == .title { lone.append(record) } else { records.append(record) }
                }
            case .heading(level: 2):
                if let record = setextRecord(index) { records.append(record) }
            case .list where !consumedLists.contains(index):
                records += listRecords(index, consumed: &consumedLists)
            case .extensionBlock("table"):
                records += TableRecords(reader: self).records(table: index)
            default:
                continue
            }
        }
        return (records, lone)
    }

    // MARK: Lines of a block

    /// The leading field lines of a paragraph; furniture lines from arXiv's abstract page may
    /// sit between them, and a field's value may go on over lines indented deeper than its
    /// own (`tags: a,` then `      b`, as metadata headers fold a long value); the first other
    /// line is prose.
    struct FieldLines {
        var fields: [Field] = []
        var lastLine = 0
        var proseLine: Int? = nil
        var furniture: [Int] = []
        var fieldLineCount = 0
    }

    /// `lines` (by default all the block's) start at the block's line `firstStart`.
    func fieldLines(of index: Int, lines: [Int]? = nil, firstStart: Int = 0) -> FieldLines? {
        let block = blocks[index]
        let startCount = contentStarts.count(of: index) - firstStart
        guard startCount > 0 else { return nil }
        var result = FieldLines()
        let lineCount = min(lines?.count ?? block.lines.count, startCount)
        var fieldIndent = 0
        for position in 0..<lineCount {
            let start = contentStarts.start(of: index, at: firstStart + position)
            let line = lines?[position] ?? block.startLine + position
            // Where the line's text starts, past the block's own indentation and markers.
            let content = source.lineContent(line)
            let indent = source.skippingBlanks(from: max(start, content.start), before: content.end) - content.start
            // Taken apart at once: binding the optional pair copied it through the runtime's
            // generic tuple copy, 190 instructions a field.
            if case (let field, let link)? = FieldLine.parse(
                line: line, contentStart: start, source: source, vocabulary: vocabulary, roles: roleCache)
            {
                // Reserved at the first field only: most paragraphs' first lines are prose.
                if result.fields.isEmpty { result.fields.reserveCapacity(startCount) }
                result.fields.append(field)
                if let link { result.fields.append(link) }
                result.lastLine = line
                result.fieldLineCount += 1
                fieldIndent = indent
            } else if result.fieldLineCount > 0
                && ArxivFurniture.isFurnitureLine(ByteRange(start, source.lineContent(line).end), in: source)
            {
                result.furniture.append(line)
                result.lastLine = line
            } else if result.fieldLineCount > 0 && result.lastLine == line - 1 && indent > fieldIndent {
                result.lastLine = line
            } else {
                if result.fieldLineCount == 0 { return nil }
                result.proseLine = line
                break
            }
        }
        return result
    }

    private func entry(
        _ found: FieldLines, block: Int, shape: Entry.Shape, title: [Field] = [], context: ClosedRange<Int>? = nil,
        underline: Int? = nil, keepsProse: Bool = false
    ) -> Entry {
        let fields = title.isEmpty ? found.fields : title + found.fields
        var first = Int.max
        var start = Int.max
        for index in fields.indices {
            first = min(first, fields[index].line)
            start = min(start, fields[index].range.start)
        }
        let lines = first...max(found.lastLine, first)
        // To the end of the last line: a furniture line may follow the last field.
        let end = source.lineContent(lines.upperBound).end
        let contextLines = context ?? lines
        return Entry(
            fields: fields, lines: lines, range: ByteRange(start, end),
            blockIndex: block, headingUnderlineLine: underline, shape: shape,
            context: min(contextLines.lowerBound, lines.lowerBound)...max(contextLines.upperBound, underline ?? lines.upperBound),
            proseLine: keepsProse ? found.proseLine : nil, furnitureLines: found.furniture,
            listValueLine: listValueLine(found, block: block))
    }

    /// The last field's line when it has no value, ends its block, and a list follows with
    /// nothing but blank lines between: the list is the value.
    private func listValueLine(_ found: FieldLines, block: Int) -> Int? {
        guard found.proseLine == nil, let last = found.fields.last, last.isEmpty, last.origin == .line,
            last.line == blocks[block].endLine, blocks[block].parent != nil, let following = children.next(after: block)
        else { return nil }
        let next = blocks[following]
        guard next.kind == .list, next.startLine > last.line else { return nil }
        for line in (last.line + 1)..<next.startLine where !source.isBlankLine(line) { return nil }
        return last.line
    }

    // MARK: Paragraphs and headings

    private func paragraphRecord(_ index: Int) -> Entry? {
        let block = blocks[index]
        if let found = fieldLines(of: index) {
            if found.proseLine == nil, let (title, context) = impliedTitle(before: index, for: found.fields) {
                return entry(found, block: index, shape: .heading, title: title, context: context)
            }
            if Self.isRecord(found.fields, vocabulary: vocabulary) {
                return entry(found, block: index, shape: .paragraph, keepsProse: true)
            }
            if block.lines.count == 1 && Self.isLoneRecord(found.fields) {
                return entry(found, block: index, shape: .paragraph)
            }
            return nil
        }
        // An emphasised or linked first line as the title: `**Some Paper**` then field lines.
        guard block.lines.count >= 2,
            let title = TitleLine.read(line: block.startLine, from: contentStarts.start(of: index, at: 0), source: source),
            let rest = fieldLines(of: index, lines: Array(block.lines.dropFirst()), firstStart: 1),
            rest.proseLine == nil, !rest.fields.contains(where: { $0.role == .title })
        else { return nil }
        let all = title.fields + rest.fields
        guard all.contains(where: { $0.role?.isLocation == true }), Self.isRecord(all, vocabulary: vocabulary) else { return nil }
        return entry(rest, block: index, shape: .heading, title: title.fields, context: block.lines)
    }

    /// A setext heading whose text lines are fields: Markdown read a record followed by `---`.
    private func setextRecord(_ index: Int) -> Entry? {
        let block = blocks[index]
        guard block.lines.count >= 2, contentStarts.count(of: index) > 0,
            Self.isSetextUnderline(source, line: block.endLine, from: contentStarts.start(of: index, at: block.lines.count - 1))
        else { return nil }
        guard let found = fieldLines(of: index, lines: Array(block.lines.dropLast())), found.proseLine == nil,
            Self.isRecord(found.fields, vocabulary: vocabulary)
        else { return nil }
        return entry(found, block: index, shape: .paragraph, underline: block.endLine)
    }

    /// The title a heading just before `index` gives fields that do not say what the paper is
    /// called, when the fields or the heading (a link) say where it is.
    func impliedTitle(before index: Int, for fields: [Field]) -> ([Field], ClosedRange<Int>)? {
        guard !fields.contains(where: { $0.role == .title }), let previous = previousSibling(of: index),
            case .heading = blocks[previous].kind, let title = TitleLine.heading(blocks[previous], source: source)
        else { return nil }
        let all = title.fields + fields
        guard all.contains(where: { $0.role?.isLocation == true && Self.isEvidence($0) }), Self.isRecord(all, vocabulary: vocabulary) else {
            return nil
        }
        return (title.fields, blocks[previous].startLine...blocks[index].endLine)
    }

    func previousSibling(of index: Int) -> Int? {
        guard blocks[index].parent != nil, let previous = children.previous(before: index) else { return nil }
        // Only a heading right before it: nothing but blank lines between.
        for line in (blocks[previous].endLine + 1)..<max(blocks[index].startLine, blocks[previous].endLine + 1)
        where !source.isBlankLine(line) {
            return nil
        }
        return previous
    }

    static func isSetextUnderline(_ source: SourceText, line: Int, from start: Int) -> Bool {
        let end = source.lineContent(line).end
        let text = source.string(ByteRange(min(start, end), end)).trimmingBlanks()
        return !text.isEmpty && text.allSatisfy { $0 == "-" }
    }

    private func isFirstChildOfItem(_ index: Int) -> Bool {
        guard let parent = blocks[index].parent, blocks[parent].kind == .item else { return false }
        return children[parent].first == index
    }

    // MARK: Lists

    private func listRecords(_ list: Int, consumed: inout Set<Int>) -> [Entry] {
        var records: [Entry] = []
        var run = FieldLines()
        var runStart: Int? = nil
        var isFirstRun = true
        func flush() {
            defer {
                run = FieldLines()
                runStart = nil
            }
            guard let start = runStart, run.fieldLineCount > 0 else { return }
            let context = blocks[list].lines
            if Self.isRecord(run.fields, vocabulary: vocabulary) {
                records.append(entry(run, block: start, shape: .listItems, context: context))
            } else if isFirstRun, let (title, headingContext) = impliedTitle(before: list, for: run.fields) {
                records.append(entry(run, block: start, shape: .heading, title: title, context: headingContext))
            }
            isFirstRun = false
        }
        for item in children[list] where blocks[item].kind == .item {
            let itemChildren = children[item]
            let paragraph = itemChildren.first.flatMap { blocks[$0].kind == .paragraph ? $0 : nil }
            let found = paragraph.flatMap { fieldLines(of: $0) }
            let nestedList = itemChildren.dropFirst().first { blocks[$0].kind == .list && isFieldList($0) }
            let nested = nestedList.map { nestedFields($0) }
            if let found, found.proseLine == nil, nested == nil, found.fieldLineCount == 1 {
                // One field per item: the run goes on unless this role is already in it.
                let roles = found.fields.reduce(UInt32(0)) { $0 | ($1.role?.bit ?? 0) }
                if run.fields.contains(where: { ($0.role?.bit ?? 0) & roles != 0 }) { flush() }
                if runStart == nil { runStart = paragraph! }
                run.fields += found.fields
                run.lastLine = found.lastLine
                run.fieldLineCount += 1
                continue
            }
            flush()
            guard let paragraph else { continue }
            if let found {
                var all = found
                if let nested, found.proseLine == nil {
                    all.fields += nested.fields
                    all.lastLine = nested.lastLine
                    all.fieldLineCount += nested.fieldLineCount
                }
                if Self.isRecord(all.fields, vocabulary: vocabulary) {
                    if nested != nil { consumed.insert(nestedList!) }
                    records.append(entry(all, block: paragraph, shape: .listItem, context: blocks[item].lines))
                }
            } else if let nested, blocks[paragraph].lines.count == 1,
                let title = TitleLine.read(
                    line: blocks[paragraph].startLine, from: contentStarts.start(of: paragraph, at: 0), source: source, plain: true),
                !nested.fields.contains(where: { $0.role == .title }), nested.fields.contains(where: { $0.role?.isLocation == true }),
                Self.isRecord(title.fields + nested.fields, vocabulary: vocabulary)
            {
                consumed.insert(nestedList!)
                var all = nested
                all.fields = title.fields + nested.fields
                records.append(entry(all, block: paragraph, shape: .heading, context: blocks[item].lines))
            }
        }
        flush()
        return records
    }

    /// Whether every item of a list is one field line and nothing else.
    private func isFieldList(_ list: Int) -> Bool {
        let items = children[list]
        return !items.isEmpty
            && items.allSatisfy { item in
                let only = children[item]
                return only.count == 1 && blocks[only.first!].kind == .paragraph && blocks[only.first!].lines.count == 1
                    && fieldLines(of: only.first!)?.fieldLineCount == 1
            }
    }

    private func nestedFields(_ list: Int) -> FieldLines {
        var result = FieldLines()
        for item in children[list] {
            guard let found = fieldLines(of: children[item].first!) else { continue }
            result.fields += found.fields
            result.lastLine = found.lastLine
            result.fieldLineCount += 1
        }
        return result
    }
}
