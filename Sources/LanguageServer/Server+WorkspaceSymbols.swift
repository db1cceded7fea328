import JSONRPC
import NoteLint
import NoteSyntax

/// `workspace/symbol`: every entry of every note of the workspace whose title, link or
/// arXiv identifier holds the query (ignoring case); open notes as the editor has them.
extension Server {
    static let maximumWorkspaceSymbols = 2_000

    func workspaceSymbols(_ request: PendingRequest, _ params: LSP.WorkspaceSymbolParams) {
        guard settings.symbols else { return request.respond(.array([])) }
        let query = params.query.lowercased()
        let open = documents
        let codec = self.codec
        perform(request) { [self] in
            var symbols: [LSP.SymbolInformation] = []
            search: for path in workspaceNotes() {
                if request.isCancelled { return }
                let uri = DocumentURI.fileURI(path)
                guard let document = open[uri] ?? WorkspaceNotes.load(path) else { continue }
                let linter = lints.linter(for: document)
                let note = document.note(linter)
                for entry in note.entries {
                    let item = NoteOutline.item(for: entry, source: note.source, schema: linter.schema)
                    let link = linter.schema.field(.url, in: entry)?.value ?? ""
                    guard
                        query.isEmpty || item.name.lowercased().contains(query) || (item.detail ?? "").lowercased().contains(query)
                            || link.lowercased().contains(query)
                    else { continue }
                    symbols.append(
                        LSP.SymbolInformation(
                            name: item.name, kind: .object,
                            location: LSP.Location(uri: uri, range: codec.range(item.range, in: note.source)),
                            containerName: workspace.name(of: path)))
                    if symbols.count >= Self.maximumWorkspaceSymbols { break search }
                }
            }
            request.respond(symbols.json)
        }
    }
}
