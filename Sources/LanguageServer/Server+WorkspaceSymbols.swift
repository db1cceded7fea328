import JSONRPC
import NoteLint
import NoteSyntax

/// `workspace/symbol`: every entry of every note of the workspace whose title, link or
/// arXiv identifier holds the query (ignoring case); open notes as the editor has them, the
/// others from `symbolIndex`.
extension Server {
    static let maximumWorkspaceSymbols = 2_000

    func workspaceSymbols(_ request: PendingRequest, _ params: LSP.WorkspaceSymbolParams) {
        guard settings.symbols else { return request.respond(.array([])) }
        let query = WorkspaceSymbolIndex.Query(params.query)
        let open = documents
        let codec = self.codec
        let keepsNoteList = clientFeatures.dynamicWatchers
        perform(request) { [self] in
            var symbols: [JSON] = []
            // Notes in one folder share their configuration, so their linter's fingerprint.
            var fingerprints: [Substring: String] = [:]
            func fingerprint(_ path: String) -> String {
                let folder = path[..<(path.utf8.lastIndex(of: UInt8(ascii: "/")) ?? path.endIndex)]
                if let known = fingerprints[folder] { return known }
                let found = lints.linter(for: Document(uri: DocumentURI.fileURI(path), version: 0, text: "")).fingerprint
                fingerprints[folder] = found
                return found
            }
            let notes = symbolIndex.notes(keep: keepsNoteList) { workspaceNotes() }
            search: for path in notes {
                if request.isCancelled { return }
                let place = symbolIndex.place(of: path) { workspace.name(of: $0) }
                let found: [WorkspaceSymbolIndex.Symbol]
                if let document = open[place.uri] {
                    found = WorkspaceSymbolIndex.symbols(of: document, place: place, linter: lints.linter(for: document), codec: codec)
                } else {
                    found = symbolIndex.symbols(
                        ofFileAt: path, place: place, fingerprint: fingerprint, linter: lints.linter(for:), codec: codec)
                }
                for symbol in found where symbol.matches(query) {
                    symbols.append(.fragment(symbol.json))
                    if symbols.count >= Self.maximumWorkspaceSymbols { break search }
                }
            }
            request.respond(.array(symbols))
        }
    }
}
