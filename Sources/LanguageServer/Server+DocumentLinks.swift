import JSONRPC

/// `textDocument/documentLink`: Link values, `arXiv:ID` references and footnote URLs.
extension Server {
    func documentLinks(_ request: PendingRequest, _ params: JSON) {
        answer(request, params, empty: .array([]), needsPosition: false) { query in
            .array(NoteLinks.links(in: query.note, schema: query.linter.schema).map { link in
                .object([("range", query.range(link.range)), ("target", .string(link.target))])
            })
        }
    }
}
