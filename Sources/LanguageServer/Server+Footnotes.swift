import JSONRPC
import NoteSyntax

/// Footnote navigation: from a reference to its definition, every use of a label, the
/// highlights of a label's uses, and renaming a label everywhere in the note.
extension Server {
    func footnoteDefinition(_ request: PendingRequest, _ params: JSON) {
        answer(request, params, empty: .null) { query in
            guard let offset = query.offset, let use = FootnoteLabels.use(at: offset, in: query.note) else { return .null }
            let definitions = query.note.footnotes.definitions.filter { $0.key == use.key }
            return .array(definitions.map { query.location($0.markerRange) })
        }
    }

    func footnoteReferences(_ request: PendingRequest, _ params: JSON) {
        let includeDeclaration = params["context"]?["includeDeclaration"]?.bool ?? true
        answer(request, params, empty: .null) { query in
            guard let offset = query.offset, let use = FootnoteLabels.use(at: offset, in: query.note) else { return .null }
            let uses = FootnoteLabels.uses(of: use.key, in: query.note).filter { includeDeclaration || !$0.isDefinition }
            return .array(uses.map { query.location($0.range) })
        }
    }

    /// Definitions are the write (3) of a label, references its reads (2).
    func footnoteHighlight(_ request: PendingRequest, _ params: JSON) {
        answer(request, params, empty: .null) { query in
            guard let offset = query.offset, let use = FootnoteLabels.use(at: offset, in: query.note) else { return .null }
            return .array(FootnoteLabels.uses(of: use.key, in: query.note).map { use in
                .object([("range", query.range(use.range)), ("kind", .int(use.isDefinition ? 3 : 2))])
            })
        }
    }

    /// The label under the cursor, or null (no rename) anywhere else.
    func prepareFootnoteRename(_ request: PendingRequest, _ params: JSON) {
        answer(request, params, empty: .null) { query in
            guard let offset = query.offset, let use = FootnoteLabels.use(at: offset, in: query.note) else { return .null }
            return .object([("range", query.range(use.range)), ("placeholder", .string(use.label))])
        }
    }

    func footnoteRename(_ request: PendingRequest, _ params: JSON) {
        guard let newName = params["newName"]?.string else {
            return request.fail(ErrorCode.invalidParams, "textDocument/rename needs `newName`")
        }
        answer(request, params, empty: .null) { query in
            guard let offset = query.offset, let use = FootnoteLabels.use(at: offset, in: query.note) else {
                throw RequestError.failed("only a footnote label can be renamed: put the cursor on `[^label]`")
            }
            if let problem = FootnoteLabels.problem(with: newName) { throw RequestError.failed(problem) }
            let newKey = Footnotes.key(for: newName)
            if newKey != use.key, FootnoteLabels.uses(in: query.note).contains(where: { $0.key == newKey }) {
                throw RequestError.failed("the footnote label `\(newName)` is already used in this note")
            }
            let edits = FootnoteLabels.uses(of: use.key, in: query.note).map { query.edit($0.range, newName) }
            return .object([("changes", .object([(query.uri, .array(edits))]))])
        }
    }
}
