import JSONRPC
import NoteLint
import NoteSyntax

/// `textDocument/formatting` and `rangeFormatting`: every safe fix, as one edit per run of
/// changed lines (`FixAllEdits`). A range keeps the runs that touch its lines.
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

    /// The hunks of `FixAllEdits` that touch `lines` (all of them without).
    static func formattingEdits(_ query: NoteQuery, lines: ClosedRange<Int>?) -> [LSP.TextEdit] {
        FixAllEdits.hunks(query.document.file.bytes, linter: query.linter).compactMap { hunk in
            if let lines {
                let old = hunk.oldLines
                let touches =
                    old.isEmpty
                    ? lines.contains(old.lowerBound) || lines.upperBound + 1 == old.lowerBound
                    : old.lowerBound <= lines.upperBound && lines.lowerBound < old.upperBound
                guard touches else { return nil }
            }
            return query.codec.edit(hunk.edit, in: query.source)
        }
    }
}
