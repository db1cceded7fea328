import JSONRPC

/// The results of the editor requests, as the protocol shapes them.
extension LSP {
    struct MarkupContent: ProtocolEncodable {
        let markdown: String

        var json: JSON { .object([("kind", .string("markdown")), ("value", .string(markdown))]) }
    }

    struct Hover: ProtocolEncodable {
        let contents: MarkupContent
        let range: Range

        var json: JSON { .object([("contents", contents.json), ("range", range.json)]) }
    }

    enum DocumentHighlightKind: Int {
        case read = 2
        case write = 3
    }

    struct DocumentHighlight: ProtocolEncodable {
        let range: Range
        let kind: DocumentHighlightKind

        var json: JSON { .object([("range", range.json), ("kind", .int(kind.rawValue))]) }
    }

    /// `prepareRename`'s answer: the label's range and its text.
    struct PrepareRenameResult: ProtocolEncodable {
        let range: Range
        let placeholder: String

        var json: JSON { .object([("range", range.json), ("placeholder", .string(placeholder))]) }
    }

    struct DocumentLink: ProtocolEncodable {
        let range: Range
        let target: String

        var json: JSON { .object([("range", range.json), ("target", .string(target))]) }
    }

    struct FoldingRange: ProtocolEncodable {
        let startLine: Int
        let endLine: Int

        var json: JSON { .object([("startLine", .int(startLine)), ("endLine", .int(endLine)), ("kind", .string("region"))]) }
    }

    enum SymbolKind: Int {
        case module = 2
        case string = 15
        case object = 19
    }

    struct DocumentSymbol: ProtocolEncodable {
        let name: String
        let detail: String?
        let kind: SymbolKind
        let range: Range
        let selectionRange: Range
        let children: [DocumentSymbol]

        var json: JSON {
            .object([
                "name": .string(name),
                "detail": detail.map { .string($0) },
                "kind": .int(kind.rawValue),
                "range": range.json,
                "selectionRange": selectionRange.json,
                "children": children.isEmpty ? nil : .array(children.map(\.json)),
            ])
        }
    }

    /// A symbol in a flat list, naming its container: for clients without nested symbols,
    /// and for `workspace/symbol`.
    struct SymbolInformation: ProtocolEncodable {
        let name: String
        let kind: SymbolKind
        let location: Location
        let containerName: String?

        var json: JSON {
            .object([
                "name": .string(name),
                "kind": .int(kind.rawValue),
                "location": location.json,
                "containerName": containerName.map { .string($0) },
            ])
        }
    }

    /// A completion's edit: one range, or the insert/replace pair of clients that take one.
    enum CompletionEdit: ProtocolEncodable {
        case replace(TextEdit)
        case insertReplace(newText: String, insert: Range, replace: Range)

        var json: JSON {
            switch self {
            case .replace(let edit): return edit.json
            case .insertReplace(let newText, let insert, let replace):
                return .object([("newText", .string(newText)), ("insert", insert.json), ("replace", replace.json)])
            }
        }
    }

    struct CompletionItem: ProtocolEncodable {
        let label: String
        /// The protocol's CompletionItemKind, as the completion source chose it.
        let kind: Int
        let detail: String?
        let documentation: MarkupContent?
        let sortText: String
        let filterText: String?
        let textEdit: CompletionEdit
        var additionalTextEdits: [TextEdit] = []

        var json: JSON {
            .object([
                "label": .string(label),
                "kind": .int(kind),
                "detail": detail.map { .string($0) },
                "documentation": documentation?.json,
                "sortText": .string(sortText),
                "filterText": filterText.map { .string($0) },
                "textEdit": textEdit.json,
                "additionalTextEdits": additionalTextEdits.isEmpty ? nil : .array(additionalTextEdits.map(\.json)),
            ])
        }
    }

    struct CompletionList: ProtocolEncodable {
        let isIncomplete: Bool
        let items: [CompletionItem]

        var json: JSON { .object([("isIncomplete", .bool(isIncomplete)), ("items", .array(items.map(\.json)))]) }
    }
}

extension Array where Element: ProtocolEncodable {
    var json: JSON { .array(map(\.json)) }
}
