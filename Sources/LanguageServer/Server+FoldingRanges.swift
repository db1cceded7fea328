import JSONRPC
import NoteSyntax

/// `textDocument/foldingRange`: the front matter, each entry, and each footnote definition
/// that spans more than one line.
extension Server {
    func foldingRanges(_ request: PendingRequest, _ params: LSP.DocumentParams) {
        answer(request, params.textDocument, empty: .array([])) { query in
            Self.foldedLines(query.note).map { LSP.FoldingRange(startLine: $0.lowerBound, endLine: $0.upperBound) }.json
        }
    }

    static func foldedLines(_ note: Note) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        if let frontMatter = note.frontMatter { ranges.append(frontMatter.lines) }
        // The front matter's record folds with the front matter itself.
        ranges += note.entries.filter { $0.shape != .frontMatter }.map {
            $0.lines.lowerBound...($0.headingUnderlineLine ?? $0.lines.upperBound)
        }
        ranges += note.footnotes.definitions.map(\.lines)
        return ranges.filter { $0.count > 1 }.sorted { $0.lowerBound < $1.lowerBound }
    }
}
