import JSONRPC

/// `textDocument/documentLink`: Link values, `arXiv:ID` references and footnote URLs.
extension Server {
    func documentLinks(_ request: PendingRequest, _ params: LSP.DocumentParams) {
        answer(request, params.textDocument, empty: .array([])) { query in
            NoteLinks.links(in: query.note, schema: query.linter.schema).map { link in
                LSP.DocumentLink(range: query.range(link.range), target: link.target)
            }.json
        }
    }
}
