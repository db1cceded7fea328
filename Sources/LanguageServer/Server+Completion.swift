import JSONRPC

/// `textDocument/completion`: footnote labels, arXiv categories and field keys, each item
/// with an exact edit (an insert/replace pair when the client takes one).
extension Server {
    func completion(_ request: PendingRequest, _ params: JSON) {
        guard settings.completion else { return request.respond(.null) }
        let insertReplace = clientFeatures.insertReplace
        answer(request, params, empty: .null) { query in
            guard let offset = query.offset, let completion = NoteCompletion.at(offset, in: query.note, linter: query.linter) else {
                return .null
            }
            let items = completion.candidates.map { candidate -> JSON in
                let edit: JSON = insertReplace
                    ? .object([("newText", .string(candidate.newText)), ("insert", query.range(completion.insert)), ("replace", query.range(completion.replace))])
                    : query.edit(completion.replace, candidate.newText)
                return .object([
                    "label": .string(candidate.label),
                    "kind": .int(candidate.kind),
                    "detail": candidate.detail.map { .string($0) },
                    "documentation": candidate.documentation.map { .object([("kind", .string("markdown")), ("value", .string($0))]) },
                    "sortText": .string(candidate.sortText),
                    "filterText": candidate.filterText.map { .string($0) },
                    "textEdit": edit,
                ])
            }
            return .object([("isIncomplete", .bool(completion.isIncomplete)), ("items", .array(items))])
        }
    }
}
