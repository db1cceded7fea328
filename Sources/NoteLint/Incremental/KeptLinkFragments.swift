import NoteSyntax

/// A rule of `RuleScope.note` that can tell from an edit's region alone that its findings
/// after the edit are the ones before it, moved.
protocol KeepsFindingsAcrossEdits {
    static func keepsFindings(across region: EditRegion, old: Note, new: Note) -> Bool
}

extension LinkFragment: KeepsFindingsAcrossEdits {
    /// Its findings read the links whose target starts with `#` (written with `#`, inside
    /// brackets or a reference definition) and the anchors of headings, `{#id}` and HTML ids.
    /// An edit whose top-level blocks hold none of `#`, `[`, `]`, `<` and `{` and no heading
    /// (a setext underline makes one without `#`), before and after it, and that leaves the
    /// kinds of the lines around it as they were, leaves every link and anchor as it was. An
    /// edit that joins two blocks touches the joined one: its markup counts.
    static func keepsFindings(across region: EditRegion, old: Note, new: Note) -> Bool {
        let edit = region.edit
        let firstLine = old.lineIndex.line(containing: max(edit.range.start - 1, 0))
        let lastOld = old.lineIndex.line(containing: edit.range.end)
        let lastNew = new.lineIndex.line(containing: edit.range.start + edit.insertedCount)
        return !touchesMarkup(new, firstLine...max(firstLine, lastNew)) && !touchesMarkup(old, firstLine...max(firstLine, lastOld))
            && region.keepsLineKinds(old: old, new: new)
    }

    /// Whether the top-level blocks over `lines` (and those lines) hold a heading or a byte
    /// that writes a link or an anchor (a footnote reference's brackets do not).
    private static func touchesMarkup(_ note: Note, _ lines: ClosedRange<Int>) -> Bool {
        var (low, high) = (lines.lowerBound, lines.upperBound)
        for index in Block.topLevel(of: note.blocks, overlapping: lines) {
            let block = note.blocks[index]
            if case .heading = block.kind { return true }
            (low, high) = (min(low, block.startLine), max(high, block.endLine))
        }
        let index = note.lineIndex
        let start = index.lineStarts[low]
        let end = high + 1 < index.lineCount ? index.lineStarts[high + 1] : note.source.count
        let bytes = note.source.bytes
        var offset = start
        while offset < end {
            switch bytes[offset] {
            case UInt8(ascii: "[") where offset + 1 < end && bytes[offset + 1] == UInt8(ascii: "^"):
                // A footnote reference (`[^label]`) is no link: a definition `[^label]: #x` is a
                // footnote's, not a link reference.
                offset += 2
                while offset < end && bytes[offset] != UInt8(ascii: "]") && bytes[offset] != UInt8(ascii: "[") { offset += 1 }
                if offset < end && bytes[offset] == UInt8(ascii: "[") { return true }
            case UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "{"):
                return true
            default:
                break
            }
            offset += 1
        }
        return false
    }
}
