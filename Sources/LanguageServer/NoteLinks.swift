import ArxivKit
import NoteLint
import NoteSyntax

/// The links of a note an editor can open: each entry's Link value, `arXiv:ID` references
/// in the text, and the URLs in footnote definitions.
enum NoteLinks {
    struct Link: Equatable {
        let range: ByteRange
        let target: String
    }

    static func links(in note: Note, schema: EntrySchema) -> [Link] {
        var links: [Link] = []
        for entry in note.entries {
            for field in entry.fields where !field.isEmpty && schema.kind(of: field.key) == .url {
                if let target = target(ofLinkValue: field.value) { links.append(Link(range: field.valueRange, target: target)) }
            }
        }
        var taken = links.map(\.range)
        for reference in arxivReferences(in: note) where !taken.contains(where: { $0.overlaps(reference.range) }) {
            links.append(reference)
        }
        taken = links.map(\.range)
        for definition in note.footnotes.definitions {
            for url in urls(in: definition.textRange, source: note.source) where !taken.contains(where: { $0.overlaps(url.range) }) {
                links.append(url)
            }
        }
        return links.sorted { $0.range < $1.range }
    }

    /// A web link as written, or the abs page of an arXiv link written another way (`arXiv:ID`).
    static func target(ofLinkValue value: String) -> String? {
        let lower = value.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return value }
        return ArxivReference.parse(value)?.canonicalLink
    }

    /// `arXiv:2104.09864` and `arXiv:hep-th/9901001` (any case) in Markdown lines.
    static func arxivReferences(in note: Note) -> [Link] {
        let bytes = note.source.bytes
        var links: [Link] = []
        for line in 0..<note.lineIndex.lineCount where note.lineKinds[line] == .markdown {
            let content = note.source.lineContent(line)
            var offset = content.start
            while offset + 6 < content.end {
                defer { offset += 1 }
                guard bytes[offset] | 0x20 == UInt8(ascii: "a"), ASCIIMatch.hasPrefix(bytes, at: offset, "arxiv:"),
                    offset == content.start || !ASCIIMatch.isWordByte(bytes[offset - 1])
                else { continue }
                var end = offset + 6
                while end < content.end
                    && (ASCIIMatch.isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: ".")
                        || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "/"))
                { end += 1 }
                while end > offset + 6 && (bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "/")) { end -= 1 }
                let text = note.source.string(ByteRange(offset + 6, end))
                guard let identifier = ArxivIdentifier.parse(text) else { continue }
                links.append(Link(range: ByteRange(offset, end), target: "https://arxiv.org/abs/\(identifier)"))
                offset = end - 1
            }
        }
        return links
    }

    /// `http://` and `https://` URLs in a range, up to a blank, `<`, `>` or a quote, without
    /// trailing punctuation or an unbalanced closing bracket.
    static func urls(in range: ByteRange, source: SourceText) -> [Link] {
        let bytes = source.bytes
        var links: [Link] = []
        var offset = range.start
        while offset < range.end {
            guard bytes[offset] | 0x20 == UInt8(ascii: "h"),
                ASCIIMatch.hasPrefix(bytes, at: offset, "https://") || ASCIIMatch.hasPrefix(bytes, at: offset, "http://")
            else {
                offset += 1
                continue
            }
            var end = offset
            while end < range.end
                && !(bytes[end] <= 0x20 || bytes[end] == UInt8(ascii: "<") || bytes[end] == UInt8(ascii: ">")
                    || bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: "`"))
            { end += 1 }
            while end > offset {
                let last = bytes[end - 1]
                if ".,;:!?'*_".utf8.contains(last) {
                    end -= 1
                    continue
                }
                if last == UInt8(ascii: ")") || last == UInt8(ascii: "]") {
                    let open: UInt8 = last == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
                    let opens = bytes[offset..<end].filter { $0 == open }.count
                    let closes = bytes[offset..<end].filter { $0 == last }.count
                    if closes > opens {
                        end -= 1
                        continue
                    }
                }
                break
            }
            let url = source.string(ByteRange(offset, end))
            if !url.hasSuffix("//") { links.append(Link(range: ByteRange(offset, end), target: url)) }
            offset = max(end, offset + 1)
        }
        return links
    }
}

enum ASCIIMatch {
    /// Whether `bytes` at `offset` start with `prefix` (lower-case ASCII), ignoring case.
    static func hasPrefix(_ bytes: [UInt8], at offset: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { expected in
            (0..<count).allSatisfy { index in
                let byte = bytes[offset + index]
                let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                return folded == expected[index]
            }
        }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }
}
