import JSONRPC

extension LSP {
    struct TextDocumentItem: ProtocolDecodable {
        let uri: String
        let version: Int
        let text: String

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            uri = try object.required("uri")
            // Clients that leave the version out are answered as if they had sent 0.
            version = try object.optional("version") ?? 0
            text = try object.required("text")
        }
    }

    struct DidOpenTextDocumentParams: ProtocolDecodable {
        let textDocument: TextDocumentItem

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            textDocument = try ProtocolObject(json, at: path).required("textDocument")
        }
    }

    struct VersionedTextDocumentIdentifier: ProtocolDecodable {
        let uri: String
        /// Absent or null from a client that does not number versions.
        let version: Int?

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            uri = try object.required("uri")
            version = try object.optional("version")
        }
    }

    /// The whole new text, or the text that replaces `range`.
    struct TextDocumentContentChangeEvent: ProtocolDecodable {
        let range: Range?
        let text: String

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            range = try object.optional("range")
            text = try object.required("text")
        }
    }

    struct DidChangeTextDocumentParams: ProtocolDecodable {
        let textDocument: VersionedTextDocumentIdentifier
        let contentChanges: [TextDocumentContentChangeEvent]

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            textDocument = try object.required("textDocument")
            contentChanges = try object.required("contentChanges")
        }
    }

    /// `didClose` and `didSave`: only the document's name is read.
    typealias DidCloseTextDocumentParams = DocumentParams
    typealias DidSaveTextDocumentParams = DocumentParams

    enum FileChangeType: Int {
        case created = 1
        case changed = 2
        case deleted = 3
    }

    struct FileEvent: ProtocolDecodable {
        let uri: String
        let type: FileChangeType

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            uri = try object.required("uri")
            let code: Int = try object.required("type")
            guard let type = FileChangeType(rawValue: code) else { throw InvalidParams("\(path).type", "expected 1, 2 or 3") }
            self.type = type
        }
    }

    struct DidChangeWatchedFilesParams: ProtocolDecodable {
        let changes: [FileEvent]

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            changes = try ProtocolObject(json, at: path).required("changes")
        }
    }

    struct DidChangeConfigurationParams: ProtocolDecodable {
        let settings: JSON?

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            settings = try ProtocolObject(json, at: path).any("settings")
        }
    }

    /// `$/cancelRequest`.
    struct CancelParams: ProtocolDecodable {
        let id: RequestID

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            guard let member = object.any("id"), let id = RequestID(member) else {
                throw InvalidParams("\(path).id", "expected an integer or a string")
            }
            self.id = id
        }
    }
}
