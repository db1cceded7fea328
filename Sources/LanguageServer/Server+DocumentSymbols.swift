import JSONRPC
import NoteSyntax

/// `textDocument/documentSymbol`: the note's outline, nested when the client can show
/// nesting, otherwise a flat list whose items name their container.
extension Server {
    func documentSymbols(_ request: PendingRequest, _ params: LSP.DocumentParams) {
        guard settings.symbols else { return request.respond(.array([])) }
        let hierarchical = clientFeatures.hierarchicalSymbols
        answer(request, params.textDocument, empty: .array([])) { query in
            let outline = NoteOutline(note: query.note, schema: query.linter.schema)
            if hierarchical {
                return outline.roots.map { Self.documentSymbol(outline, $0, query) }.json
            }
            var flat: [LSP.SymbolInformation] = []
            func add(_ index: Int, container: String?) {
                let item = outline.items[index]
                flat.append(
                    LSP.SymbolInformation(
                        name: item.name, kind: Self.symbolKind(item.kind), location: query.location(item.range),
                        containerName: container))
                for child in item.children { add(child, container: item.name) }
            }
            for root in outline.roots { add(root, container: nil) }
            return flat.json
        }
    }

    static func documentSymbol(_ outline: NoteOutline, _ index: Int, _ query: NoteQuery) -> LSP.DocumentSymbol {
        let item = outline.items[index]
        return LSP.DocumentSymbol(
            name: item.name, detail: item.detail, kind: symbolKind(item.kind), range: query.range(item.range),
            selectionRange: query.range(item.selection),
            children: item.children.map { documentSymbol(outline, $0, query) })
    }

    /// Module for the front matter, String for headings (as Markdown servers do), Object
    /// for entries.
    static func symbolKind(_ kind: NoteOutline.Kind) -> LSP.SymbolKind {
        switch kind {
        case .frontMatter: return .module
        case .heading: return .string
        case .entry: return .object
        }
    }
}
