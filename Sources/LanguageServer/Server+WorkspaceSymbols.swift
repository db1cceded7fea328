import JSONRPC
import NoteSyntax

/// `workspace/symbol`: every entry of every note of the workspace whose title, link or
/// arXiv identifier holds the query (ignoring case); open notes as the editor has them.
extension Server {
    static let maximumWorkspaceSymbols = 2_000

    func workspaceSymbols(_ request: PendingRequest, _ params: JSON) {
        guard settings.symbols else { return request.respond(.array([])) }
        let query = (params["query"]?.string ?? "").lowercased()
        let open = documents
        let codec = self.codec
        perform(request) { [self] in
            var symbols: [JSON] = []
            search: for path in workspaceNotes() {
                if request.isCancelled { return }
                let uri = DocumentURI.fileURI(path)
                guard let document = open[uri] ?? WorkspaceNotes.load(path) else { continue }
                let linter = lints.linter(for: document)
                let note = document.note(linter)
                for entry in note.entries {
                    let item = NoteOutline.item(for: entry, source: note.source, schema: linter.schema)
                    let link = linter.schema.field(.url, in: entry)?.value ?? ""
                    guard query.isEmpty || item.name.lowercased().contains(query) || (item.detail ?? "").lowercased().contains(query)
                            || link.lowercased().contains(query) else { continue }
                    symbols.append(.object([
                        "name": .string(item.name),
                        "kind": .int(19),
                        "location": .object([("uri", .string(uri)), ("range", codec.range(item.range, in: note.source))]),
                        "containerName": workspace.name(of: path).map { .string($0) },
                    ]))
                    if symbols.count >= Self.maximumWorkspaceSymbols { break search }
                }
            }
            request.respond(.array(symbols))
        }
    }
}
