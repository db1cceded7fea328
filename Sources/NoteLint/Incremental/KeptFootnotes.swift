import Foundation
import NoteSyntax

extension EditRegion {
    /// Whether every footnote definition and reference of the note after the edit is one it
    /// had before, moved by the edit when it lay after it, none touching the edit (so its
    /// bytes, and its label, are the old ones); and whether the lines outside the region are of the kinds they were (so HTML
    /// lines, which can mention labels, and the blocks around them are as they were), none of
    /// the region's being HTML.
    func keepsFootnotes(old: Note, new: Note) -> Bool {
        let (before, after) = (old.footnotes, new.footnotes)
        guard before.references.count == after.references.count, before.definitions.count == after.definitions.count else {
            return false
        }
        // By index, reading the ranges in place: zipping the arrays copies every footnote, labels
        // and all, and a long note has thousands.
        for index in before.references.indices where moved(before.references[index].range) != after.references[index].range {
            return false
        }
        for index in before.definitions.indices {
            let (old, new) = (before.definitions[index], after.definitions[index])
            guard moved(old.markerRange) == new.markerRange, moved(old.textRange) == new.textRange,
                movedLines(old.lines, endingAt: old.textRange.end) == new.lines
            else { return false }
        }
        return keepsLineKinds(old: old, new: new)
    }

    /// Whether the region ends before the note's last line that is not blank: what is appended
    /// at the note's end goes after the same text.
    func endsBeforeTheLastText(of note: Note) -> Bool {
        var last = note.lineIndex.lineCount - 1
        while last >= 0 && note.source.isBlankLine(last) { last -= 1 }
        return lines.upperBound <= last
    }

    /// A range of the old note in the new one; nil when it touches the edit.
    private func moved(_ range: ByteRange) -> ByteRange? {
        if range.end < edit.range.start { return range }
        if range.start > edit.range.end { return range.shifted(by: byteDelta) }
        return nil
    }

    private func movedLines(_ lines: ClosedRange<Int>, endingAt end: Int) -> ClosedRange<Int> {
        end < edit.range.start ? lines : (lines.lowerBound + lineDelta)...(lines.upperBound + lineDelta)
    }

    /// Whether the lines outside the region are of the kinds they were (code, HTML, front
    /// matter), none of the region's lines being HTML, before or after the edit.
    func keepsLineKinds(old: Note, new: Note) -> Bool {
        let (before, after) = (old.lineKinds, new.lineKinds)
        guard before.count - oldLines.count == after.count - lines.count else { return false }
        return sameKinds(before[..<oldLines.lowerBound], after[..<lines.lowerBound])
            && sameKinds(before[oldLines.upperBound...], after[lines.upperBound...])
            && !before[oldLines].contains(.html) && !after[lines].contains(.html)
    }

    /// Byte for byte: compared kind by kind, the lines of a large note cost tens of
    /// instructions each.
    private func sameKinds(_ first: ArraySlice<Note.LineKind>, _ second: ArraySlice<Note.LineKind>) -> Bool {
        first.count == second.count
            && first.withUnsafeBytes { first in
                second.withUnsafeBytes { first.isEmpty || memcmp(first.baseAddress!, $0.baseAddress!, first.count) == 0 }
            }
    }
}
