import NoteSyntax

/// Every safe fix of a note (through `FixApplier`, as `notelint check --fix` applies them),
/// expressed as edits of the original text that cover whole lines, so that an edit never
/// splits a multi-byte character or a CRLF: one edit for "fix all", or one per run of
/// changed lines for an editor's formatting.
public enum FixAllEdits {
    /// One edit from the first changed line to the last; nil when no safe fix changes anything.
    public static func single(_ bytes: [UInt8], linter: Linter) -> TextEdit? {
        let new = FixApplier.fixAll(bytes, linter: linter, allowed: [.safe]).bytes
        guard bytes != new else { return nil }
        var prefix = 0
        while prefix < bytes.count && prefix < new.count && bytes[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < bytes.count - prefix && suffix < new.count - prefix
            && bytes[bytes.count - 1 - suffix] == new[new.count - 1 - suffix]
        { suffix += 1 }
        let lines = LineIndex(bytes)
        let start = lines.lineStarts[lines.line(containing: prefix)]
        let end = lines.fullRange(ofLine: lines.line(containing: bytes.count - suffix)).end
        let newEnd = new.count - (bytes.count - end)
        return TextEdit(range: ByteRange(start, end), newText: String(decoding: new[start..<newEnd], as: UTF8.self))
    }

    /// A run of changed lines: the old lines it replaces and the edit that replaces them.
    public struct Hunk: Sendable, Equatable {
        public let oldLines: Range<Int>
        public let edit: TextEdit
    }

    /// One edit per run of changed lines (`LineDiff`).
    public static func hunks(_ bytes: [UInt8], linter: Linter) -> [Hunk] {
        let new = FixApplier.fixAll(bytes, linter: linter, allowed: [.safe]).bytes
        guard bytes != new else { return [] }
        let oldLines = LineDiff.lines(bytes)
        let newLines = LineDiff.lines(new)
        var oldStarts = [0]
        var newStarts = [0]
        for line in oldLines { oldStarts.append(line.endIndex) }
        for line in newLines { newStarts.append(line.endIndex) }
        return LineDiff.hunks(oldLines, newLines).map { hunk in
            let range = ByteRange(oldStarts[hunk.old.lowerBound], oldStarts[hunk.old.upperBound])
            let text = String(decoding: new[newStarts[hunk.new.lowerBound]..<newStarts[hunk.new.upperBound]], as: UTF8.self)
            return Hunk(oldLines: hunk.old, edit: TextEdit(range: range, newText: text))
        }
    }
}
