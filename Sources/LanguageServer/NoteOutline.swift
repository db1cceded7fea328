import ArxivKit
import Foundation
import NoteLint
import NoteSyntax

/// The outline of a note: its front matter, its headings nested by level, and each entry
/// under the heading it follows. Shared by document symbols and workspace symbols.
struct NoteOutline {
    enum Kind: Equatable {
        case frontMatter
        case heading(level: Int)
        case entry
    }

    struct Item {
        let kind: Kind
        let name: String
        let detail: String?
        /// The whole symbol: a heading's section, an entry's lines.
        let range: ByteRange
        /// What to select: a heading's text, an entry's Title (or Link) value.
        let selection: ByteRange
        var children: [Int] = []
    }

    /// Every item in document order; `roots` are the indices of the top-level ones.
    private(set) var items: [Item] = []
    private(set) var roots: [Int] = []

    init(note: Note, schema: EntrySchema) {
        let source = note.source
        var flat: [Item] = []
        if let frontMatter = note.frontMatter {
            let range = ByteRange(
                source.lineIndex.lineStarts[frontMatter.lines.lowerBound], source.lineContent(frontMatter.lines.upperBound).end)
            let title = frontMatter.value(forKey: "title")?.scalarText
            flat.append(Item(kind: .frontMatter, name: "front matter", detail: title, range: range, selection: range))
        }
        let headings = NoteHeadings.headings(in: note)
        var entries = note.entries[...]
        for (index, heading) in headings.enumerated() {
            while let entry = entries.first, entry.lines.lowerBound < heading.lines.lowerBound {
                flat.append(Self.item(for: entry, source: source, schema: schema))
                entries = entries.dropFirst()
            }
            let next = headings[(index + 1)...].first { $0.level <= heading.level }
            let sectionEnd =
                next.map { Self.endOfContent(before: $0.lines.lowerBound, after: heading.lines.upperBound, source: source) }
                ?? Self.endOfContent(before: source.lineIndex.lineCount, after: heading.lines.upperBound, source: source)
            flat.append(
                Item(
                    kind: .heading(level: heading.level), name: heading.text, detail: nil,
                    range: ByteRange(source.lineIndex.lineStarts[heading.lines.lowerBound], sectionEnd), selection: heading.textRange))
        }
        for entry in entries { flat.append(Self.item(for: entry, source: source, schema: schema)) }

        // Nest: a heading holds what follows it until a heading of its level or above.
        var stack: [(level: Int, index: Int)] = []
        for (index, item) in flat.enumerated() {
            items.append(item)
            switch item.kind {
            case .frontMatter:
                roots.append(index)
            case .heading(let level):
                while let top = stack.last, top.level >= level { stack.removeLast() }
                if let parent = stack.last { items[parent.index].children.append(index) } else { roots.append(index) }
                stack.append((level, index))
            case .entry:
                if let parent = stack.last { items[parent.index].children.append(index) } else { roots.append(index) }
            }
        }
    }

    /// An entry is named by its Title, or its Link when the Title is empty.
    static func item(for entry: Entry, source: SourceText, schema: EntrySchema) -> Item {
        let title = schema.field(.text, in: entry).flatMap { $0.isEmpty ? nil : $0 }
        let link = schema.field(.url, in: entry).flatMap { $0.isEmpty ? nil : $0 }
        let name = title?.value ?? link?.value ?? "(entry without a title or link)"
        let arxiv = link.flatMap { ArxivReference.identifier(inLink: $0.value) }
        let detail = arxiv.map { "arXiv:\($0)" } ?? (title != nil ? link?.value : nil)
        let end = entry.headingUnderlineLine.map { source.lineContent($0).end } ?? entry.range.end
        let range = ByteRange(entry.range.start, end)
        return Item(
            kind: .entry, name: name, detail: detail, range: range, selection: (title ?? link)?.valueRange ?? entry.fields[0].keyRange)
    }

    /// The end of the last non-blank line after `after` and before `line`.
    private static func endOfContent(before line: Int, after: Int, source: SourceText) -> Int {
        var last = line - 1
        while last > after && source.isBlankLine(last) { last -= 1 }
        return source.lineContent(max(last, after)).end
    }
}

/// Headings as written: ATX (`## Text ##`) and setext (text over `===` or `---`); an entry
/// that cmark reads as a setext heading is an entry, not a heading.
enum NoteHeadings {
    struct Heading {
        let level: Int
        let text: String
        let textRange: ByteRange
        let lines: ClosedRange<Int>
    }

    static func headings(in note: Note) -> [Heading] {
        let entryBlocks = Set(note.entries.map(\.blockIndex))
        let source = note.source
        let bytes = source.bytes
        var headings: [Heading] = []
        for (index, block) in note.blocks.enumerated() {
            guard case .heading(let level) = block.kind, !entryBlocks.contains(index) else { continue }
            let first = source.lineContent(block.startLine)
            var start = min(first.start + block.startColumn, first.end)
            while start < first.end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
            var textRange: ByteRange
            if start < first.end && bytes[start] == UInt8(ascii: "#") {
                var textStart = start
                while textStart < first.end && bytes[textStart] == UInt8(ascii: "#") { textStart += 1 }
                var end = first.end
                while end > textStart && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
                // A closing run of `#` after a blank is not part of the text.
                var closing = end
                while closing > textStart && bytes[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
                if closing < end && (closing == textStart || bytes[closing - 1] == 0x20 || bytes[closing - 1] == 0x09) { end = closing }
                while textStart < end && (bytes[textStart] == 0x20 || bytes[textStart] == 0x09) { textStart += 1 }
                while end > textStart && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
                textRange = ByteRange(textStart, end)
            } else {
                let lastTextLine = max(block.startLine, block.endLine - 1)
                var end = source.lineContent(lastTextLine).end
                while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
                textRange = ByteRange(start, max(start, end))
            }
            let text = source.string(textRange).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            headings.append(
                Heading(level: Int(level), text: text.isEmpty ? "(empty heading)" : text, textRange: textRange, lines: block.lines))
        }
        return headings
    }
}
