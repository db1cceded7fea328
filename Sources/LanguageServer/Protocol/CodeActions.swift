import JSONRPC

extension LSP {
    struct CodeActionContext: ProtocolDecodable {
        let diagnostics: [ClientDiagnostic]
        let only: [String]?

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            diagnostics = try object.optional("diagnostics") ?? []
            only = try object.optional("only")
        }
    }

    struct CodeActionParams: ProtocolDecodable {
        let textDocument: TextDocumentIdentifier
        let range: Range
        let context: CodeActionContext

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            textDocument = try object.required("textDocument")
            range = try object.required("range")
            context = try object.required("context")
        }
    }

    struct CodeAction: ProtocolEncodable {
        let title: String
        let kind: String
        var diagnostics: [JSON] = []
        var isPreferred: Bool? = nil
        var edit: WorkspaceEdit? = nil
        var data: JSON? = nil

        var json: JSON {
            .object([
                "title": .string(title),
                "kind": .string(kind),
                "diagnostics": diagnostics.isEmpty ? nil : .array(diagnostics),
                "isPreferred": isPreferred.map { .bool($0) },
                "edit": edit?.json,
                "data": data,
            ])
        }
    }

    /// A code action the client asks to resolve: the action as it was offered, which the
    /// answer repeats with its edit added.
    struct UnresolvedCodeAction: ProtocolDecodable {
        let json: JSON
        let title: String
        let data: JSON?

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            self.json = json
            title = try object.required("title")
            data = object.any("data")
        }

        func resolved(with edit: WorkspaceEdit) -> JSON {
            guard case .object(var members) = json else { return json }
            members.removeAll { $0.0 == "edit" }
            members.append(("edit", edit.json))
            return .object(members)
        }
    }
}
