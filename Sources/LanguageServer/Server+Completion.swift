import JSONRPC

/// `textDocument/completion`: arXiv papers for a Title (from the local index), footnote labels,
/// arXiv categories and field keys, each item with an exact edit (an insert/replace pair when
/// the client takes one).
extension Server {
    func completion(_ request: PendingRequest, _ params: LSP.TextDocumentPositionParams) {
        guard settings.completion else { return request.respond(.null) }
        let insertReplace = clientFeatures.insertReplace
        let titles = lints.arxivIndex
        answer(request, params.textDocument, at: params.position, empty: .null) { query in
            guard let offset = query.offset,
                let completion = NoteCompletion.at(
                    offset, in: query.note, linter: query.linter, titles: titles, facts: { query.document.entryFacts(query.linter) })
            else {
                return .null
            }
            let items = completion.candidates.map { candidate in
                let edit: LSP.CompletionEdit =
                    insertReplace
                    ? .insertReplace(
                        newText: candidate.newText, insert: query.range(completion.insert), replace: query.range(completion.replace))
                    : .replace(query.edit(completion.replace, candidate.newText))
                return LSP.CompletionItem(
                    label: candidate.label, kind: candidate.kind, detail: candidate.detail,
                    documentation: candidate.documentation.map(LSP.MarkupContent.init), sortText: candidate.sortText,
                    filterText: candidate.filterText, textEdit: edit,
                    additionalTextEdits: candidate.additionalEdits.map { query.edit($0.range, $0.newText) })
            }
            return LSP.CompletionList(isIncomplete: completion.isIncomplete, items: items).json
        }
    }
}
