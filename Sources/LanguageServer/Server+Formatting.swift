import JSONRPC
import NoteLint
import NoteSyntax

/// `textDocument/formatting` and `rangeFormatting`: every safe fix, through the same
/// applier as `notelint check --fix`, as one edit per run of changed lines. A range keeps
/// the runs that touch its lines.
extension Server {
    func formatting(_ request: PendingRequest, _ params: LSP.DocumentParams) {
        answer(request, params.textDocument, empty: .null) { query in
            Self.formattingEdits(query, lines: nil).json
        }
    }

    func rangeFormatting(_ request: PendingRequest, _ params: LSP.DocumentRangeFormattingParams) {
        answer(request, params.textDocument, empty: .null) { query in
            let range = query.codec.byteRange(params.range, in: query.source)
            let index = query.source.lineIndex
            let first = index.line(containing: range.start)
            var last = index.line(containing: range.end)
            // A range that ends at the start of a line does not take that line in.
            if last > first && index.lineStarts[last] == range.end { last -= 1 }
            return Self.formattingEdits(query, lines: first...last).json
        }
    }

    static func formattingEdits(_ query: NoteQuery, lines: ClosedRange<Int>?) -> [LSP.TextEdit] {
        let old = query.document.file.bytes
        let new = FixApplier.fixAll(old, linter: query.linter, allowed: [.safe]).bytes
        guard old != new else { return [] }
        let oldLines = LineDiff.lines(old), newLines = LineDiff.lines(new)
        var oldStarts = [0], newStarts = [0]
        for line in oldLines { oldStarts.append(line.endIndex) }
        for line in newLines { newStarts.append(line.endIndex) }
        return LineDiff.hunks(oldLines, newLines).compactMap { hunk in
            if let lines {
                let touches = hunk.old.isEmpty ? lines.contains(hunk.old.lowerBound) || lines.upperBound + 1 == hunk.old.lowerBound
                    : hunk.old.lowerBound <= lines.upperBound && lines.lowerBound < hunk.old.upperBound
                guard touches else { return nil }
            }
            let range = ByteRange(oldStarts[hunk.old.lowerBound], oldStarts[hunk.old.upperBound])
            let text = String(decoding: new[newStarts[hunk.new.lowerBound]..<newStarts[hunk.new.upperBound]], as: UTF8.self)
            return query.edit(range, text)
        }
    }
}
