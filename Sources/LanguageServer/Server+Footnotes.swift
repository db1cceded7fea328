import JSONRPC
import NoteSyntax

/// Footnote navigation: from a reference to its definition, every use of a label, the
/// highlights of a label's uses, and renaming a label everywhere in the note.
extension Server {
    func footnoteDefinition(_ request: PendingRequest, _ params: LSP.TextDocumentPositionParams) {
        answer(request, params.textDocument, at: params.position, empty: .null) { query in
            guard let offset = query.offset, let use = FootnoteLabels.use(at: offset, in: query.note) else { return .null }
            let definitions = query.note.footnotes.definitions.filter { $0.key == use.key }
            return definitions.map { query.location($0.markerRange) }.json
        }
    }

    func footnoteReferences(_ request: PendingRequest, _ params: LSP.ReferenceParams) {
        let includeDeclaration = params.includeDeclaration
        answer(request, params.textDocument, at: params.position, empty: .null) { query in
            guard let offset = query.offset, let use = FootnoteLabels.use(at: offset, in: query.note) else { return .null }
            let uses = FootnoteLabels.uses(of: use.key, in: query.note).filter { includeDeclaration || !$0.isDefinition }
            return uses.map { query.location($0.range) }.json
        }
    }

    /// Definitions are the write (3) of a label, references its reads (2).
    func footnoteHighlight(_ request: PendingRequest, _ params: LSP.TextDocumentPositionParams) {
        answer(request, params.textDocument, at: params.position, empty: .null) { query in
            guard let offset = query.offset, let use = FootnoteLabels.use(at: offset, in: query.note) else { return .null }
            return FootnoteLabels.uses(of: use.key, in: query.note).map { use in
                LSP.DocumentHighlight(range: query.range(use.range), kind: use.isDefinition ? .write : .read)
            }.json
        }
    }

    /// The label under the cursor, or null (no rename) anywhere else.
    func prepareFootnoteRename(_ request: PendingRequest, _ params: LSP.TextDocumentPositionParams) {
        answer(request, params.textDocument, at: params.position, empty: .null) { query in
            guard let offset = query.offset, let use = FootnoteLabels.use(at: offset, in: query.note) else { return .null }
            return LSP.PrepareRenameResult(range: query.range(use.range), placeholder: use.label).json
        }
    }

    func footnoteRename(_ request: PendingRequest, _ params: LSP.RenameParams) {
        let newName = params.newName
        answer(request, params.textDocument, at: params.position, empty: .null) { query in
            guard let offset = query.offset, let use = FootnoteLabels.use(at: offset, in: query.note) else {
                throw RequestError.failed("only a footnote label can be renamed: put the cursor on `[^label]`")
            }
            if let problem = FootnoteLabels.problem(with: newName) { throw RequestError.failed(problem) }
            let newKey = Footnotes.key(for: newName)
            if newKey != use.key, FootnoteLabels.uses(in: query.note).contains(where: { $0.key == newKey }) {
                throw RequestError.failed("the footnote label `\(newName)` is already used in this note")
            }
            let edits = FootnoteLabels.uses(of: use.key, in: query.note).map { query.edit($0.range, newName) }
            return LSP.WorkspaceEdit(uri: query.uri, edits: edits).json
        }
    }
}
