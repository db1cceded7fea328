import JSONRPC

extension LSP {
    struct ReferenceParams: ProtocolDecodable {
        let textDocument: TextDocumentIdentifier
        let position: Position
        let includeDeclaration: Bool

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            textDocument = try object.required("textDocument")
            position = try object.required("position")
            let context = try object.optional("context", as: ReferenceContext.self)
            includeDeclaration = context?.includeDeclaration ?? true
        }
    }

    struct ReferenceContext: ProtocolDecodable {
        let includeDeclaration: Bool

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            includeDeclaration = try ProtocolObject(json, at: path).optional("includeDeclaration") ?? true
        }
    }

    struct RenameParams: ProtocolDecodable {
        let textDocument: TextDocumentIdentifier
        let position: Position
        let newName: String

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            textDocument = try object.required("textDocument")
            position = try object.required("position")
            newName = try object.required("newName")
        }
    }

    struct DocumentRangeFormattingParams: ProtocolDecodable {
        let textDocument: TextDocumentIdentifier
        let range: Range

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            textDocument = try object.required("textDocument")
            range = try object.required("range")
        }
    }

    struct WorkspaceSymbolParams: ProtocolDecodable {
        let query: String

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            query = try ProtocolObject(json, at: path).optional("query") ?? ""
        }
    }

    struct DocumentDiagnosticParams: ProtocolDecodable {
        let textDocument: TextDocumentIdentifier
        let previousResultId: String?

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            textDocument = try object.required("textDocument")
            previousResultId = try object.optional("previousResultId")
        }
    }

    struct PreviousResultId: ProtocolDecodable {
        let uri: String
        let value: String

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            uri = try object.required("uri")
            value = try object.required("value")
        }
    }

    struct WorkspaceDiagnosticParams: ProtocolDecodable {
        let previousResultIds: [PreviousResultId]

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            previousResultIds = try ProtocolObject(json, at: path).optional("previousResultIds") ?? []
        }
    }

    /// A client's answer to `window/showMessageRequest`: the action the user picked.
    struct MessageActionItem: ProtocolDecodable {
        let title: String

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            title = try ProtocolObject(json, at: path).required("title")
        }
    }

    /// A client's answer to `workspace/applyEdit`.
    struct ApplyWorkspaceEditResult: ProtocolDecodable {
        let applied: Bool
        let failureReason: String?

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            applied = try object.required("applied")
            failureReason = try object.optional("failureReason")
        }
    }
}
