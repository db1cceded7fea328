/// A parsed note. Parsing never fails: whatever the bytes, the result is a note, with any
/// problems (invalid encoding, broken front matter) recorded in it.
public struct Note: Sendable {
    public let source: SourceText
    /// The keys read as record fields, each with its role.
    public let vocabulary: FieldVocabulary
    public let frontMatter: FrontMatter?
    public let blocks: [Block]
    public let entries: [Entry]
    public let footnotes: Footnotes
    /// HTML comments that stand alone in an HTML block, in document order.
    public let comments: [HTMLComment]
    /// Per line: whether it belongs to code, HTML, front matter or ordinary Markdown.
    public let lineKinds: [LineKind]
    /// Where the footnote definitions cmark-gfm puts after every other block (in the order they
    /// are first referenced) begin in `blocks`: the blocks before are in document order.
    public let movedFootnoteBlocks: Int

    public enum LineKind: UInt8, Sendable, Equatable {
        case markdown
        case frontMatter
        case code
        case html
    }

    public var lineIndex: LineIndex { source.lineIndex }

    /// Parses a note; `vocabulary` decides which keys are fields and what each says.
    public init(source: SourceText, vocabulary: FieldVocabulary = .standard) {
        let frontMatter = FrontMatter.parse(source)
        // The front matter is blanked out for cmark byte for byte, so offsets and lines stay exact.
        let blanked = frontMatter.map {
            ByteRange(source.lineIndex.lineStarts[$0.lines.lowerBound], source.lineContent($0.lines.upperBound).end)
        }
        let blocks = CmarkBridge.parseBlocks(source.bytes, blanked: blanked, lineStarts: source.lineIndex.lineStarts)
        self.init(source: source, vocabulary: vocabulary, frontMatter: frontMatter, blocks: blocks)
    }

    /// This note after `edit`, which made `source`: equal to `Note(source:vocabulary:)` of
    /// it, with cmark run only over the blocks the edit can have changed (`BlockReparse`).
    public func applying(_ edit: TextReplacement, giving source: SourceText) -> Note {
        revised(by: edit, giving: source).note
    }

    /// `applying(_:giving:)`, with the lines of the new text whose blocks cmark read again
    /// (nil when it read the whole note): outside them, blocks are the old ones, moved.
    public func revised(by edit: TextReplacement, giving source: SourceText) -> (note: Note, reparsedLines: Range<Int>?) {
        let frontMatter = FrontMatter.parse(source)
        guard let reparse = BlockReparse.reparse(of: self, after: edit, source: source, frontMatter: frontMatter) else {
            return (Note(source: source, vocabulary: vocabulary), nil)
        }
        let note = Note(
            source: source, vocabulary: vocabulary, frontMatter: frontMatter, blocks: reparse.blocks,
            revising: (self, edit, reparse.lines))
        return (note, reparse.lines)
    }

    /// With `revising`, the note before an edit, the edit and the lines cmark read again, the
    /// records are taken from the old note where the edit cannot have changed them.
    private init(
        source: SourceText, vocabulary: FieldVocabulary, frontMatter: FrontMatter?, blocks: [Block],
        revising: (old: Note, edit: TextReplacement, reparsedLines: Range<Int>)? = nil
    ) {
        self.source = source
        self.vocabulary = vocabulary
        self.frontMatter = frontMatter
        self.blocks = blocks
        let kinds = Note.lineKinds(blocks: blocks, frontMatter: frontMatter, lineCount: source.lineIndex.lineCount)
        self.lineKinds = kinds
        let inFootnote = Note.blocksInsideFootnotes(blocks)
        movedFootnoteBlocks = blocks.withUnsafeBufferPointer { blocks in
            inFootnote.withUnsafeBufferPointer { inFootnote in
                var moved = blocks.count
                while moved > 1 && (inFootnote[moved - 1] || blocks[moved - 1].kind == .footnoteDefinition) { moved -= 1 }
                return moved
            }
        }
        if let revising,
            let entries = RecordReuse.records(
                of: revising.old, after: revising.edit, reparsedLines: revising.reparsedLines, blocks: blocks,
                movedFootnoteBlocks: movedFootnoteBlocks, source: source, vocabulary: vocabulary, excluded: inFootnote)
        {
            self.entries = entries
        } else {
            let contentStarts = BlockLines.contentStarts(blocks: blocks, source: source)
            let reader = RecordReader(
                blocks: blocks, contentStarts: contentStarts, source: source, vocabulary: vocabulary,
                excluded: inFootnote)
            let frontMatterRecord = frontMatter.flatMap { FrontMatterRecord.record($0, source: source, vocabulary: vocabulary) }
            self.entries = (frontMatterRecord.map { [$0] } ?? []) + reader.records()
        }
        self.footnotes =
            revising.flatMap {
                FootnoteReuse.footnotes(
                    of: $0.old, after: $0.edit, reparsedLines: $0.reparsedLines, source: source, lineKinds: kinds, blocks: blocks)
            } ?? FootnoteScanner.scan(source: source, lineKinds: kinds, blocks: blocks)
        self.comments = HTMLComment.standalone(in: blocks, source: source)
    }

    public init(_ text: String, vocabulary: FieldVocabulary = .standard) {
        self.init(source: SourceText(text), vocabulary: vocabulary)
    }

    /// What each line is, from the blocks: loops over buffers, since an edit of a large note
    /// runs them over tens of thousands of blocks.
    private static func lineKinds(blocks: [Block], frontMatter: FrontMatter?, lineCount: Int) -> [LineKind] {
        var kinds = [LineKind](repeating: .markdown, count: lineCount)
        kinds.withUnsafeMutableBufferPointer { kinds in
            if let frontMatter {
                for line in frontMatter.lines { kinds[line] = .frontMatter }
            }
            blocks.withUnsafeBufferPointer { blocks in
                for block in blocks {
                    switch block.kind {
                    case .codeBlock: for line in block.startLine...block.endLine { kinds[line] = .code }
                    case .htmlBlock:
                        // `[^label]: <details>...`: the definition's marker shares the HTML's first line.
                        let opensDefinition =
                            block.parent.map { blocks[$0].kind == .footnoteDefinition && blocks[$0].startLine == block.startLine } ?? false
                        for line in block.startLine...block.endLine
                        where kinds[line] == .markdown && !(opensDefinition && line == block.startLine) {
                            kinds[line] = .html
                        }
                    default: break
                    }
                }
            }
        }
        return kinds
    }

    private static func blocksInsideFootnotes(_ blocks: [Block]) -> [Bool] {
        var inside = [Bool](repeating: false, count: blocks.count)
        inside.withUnsafeMutableBufferPointer { inside in
            blocks.withUnsafeBufferPointer { blocks in
                for index in blocks.indices {
                    let parent = Int(blocks[index].storedParent)
                    if parent >= 0, inside[parent] || blocks[parent].kind == .footnoteDefinition { inside[index] = true }
                }
            }
        }
        return inside
    }

    /// Must run once before notes are parsed on several threads at once.
    public static func prepareForConcurrentParsing() { CmarkBridge.prepare() }

    /// The block that starts at `line` and holds it, innermost first: an entry, a footnote
    /// definition, or any cmark leaf block. Used to scope `disable-next-line`.
    public func lines(ofBlockStartingAt line: Int) -> ClosedRange<Int> {
        if let entry = entry(containingLine: line), entry.lines.lowerBound == line {
            return line...(entry.headingUnderlineLine ?? entry.lines.upperBound)
        }
        if let definition = footnoteDefinition(containingLine: line), definition.lines.lowerBound == line {
            return definition.lines
        }
        var best: ClosedRange<Int>? = nil
        for block in blocks where block.startLine == line && block.kind != .document {
            if best == nil || block.lines.count > best!.count { best = block.lines }
        }
        return best ?? line...line
    }
}
