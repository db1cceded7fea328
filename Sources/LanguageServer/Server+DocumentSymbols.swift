import JSONRPC
import NoteSyntax

/// `textDocument/documentSymbol`: the note's outline, nested when the client can show
/// nesting, otherwise a flat list whose items name their container.
extension Server {
    func documentSymbols(_ request: PendingRequest, _ params: JSON) {
        guard settings.symbols else { return request.respond(.array([])) }
        let hierarchical = clientFeatures.hierarchicalSymbols
        answer(request, params, empty: .array([]), needsPosition: false) { query in
            let outline = NoteOutline(note: query.note, schema: query.linter.schema)
            if hierarchical {
                return .array(outline.roots.map { Self.documentSymbol(outline, $0, query) })
            }
            var flat: [JSON] = []
            func add(_ index: Int, container: String?) {
                let item = outline.items[index]
                flat.append(.object([
                    "name": .string(item.name),
                    "kind": .int(Self.symbolKind(item.kind)),
                    "location": query.location(item.range),
                    "containerName": container.map { .string($0) },
                ]))
                for child in item.children { add(child, container: item.name) }
            }
            for root in outline.roots { add(root, container: nil) }
            return .array(flat)
        }
    }

    static func documentSymbol(_ outline: NoteOutline, _ index: Int, _ query: NoteQuery) -> JSON {
        let item = outline.items[index]
        return .object([
            "name": .string(item.name),
            "detail": item.detail.map { .string($0) },
            "kind": .int(symbolKind(item.kind)),
            "range": query.range(item.range),
            "selectionRange": query.range(item.selection),
            "children": item.children.isEmpty ? nil : .array(item.children.map { documentSymbol(outline, $0, query) }),
        ])
    }

    /// Module for the front matter, String for headings (as Markdown servers do), Object
    /// for entries.
    static func symbolKind(_ kind: NoteOutline.Kind) -> Int {
        switch kind {
        case .frontMatter: return 2
        case .heading: return 15
        case .entry: return 19
        }
    }
}
