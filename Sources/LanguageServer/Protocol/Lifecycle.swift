import JSONRPC

extension LSP {
    struct WorkspaceFolder: ProtocolDecodable {
        let uri: String

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            uri = try ProtocolObject(json, at: path).required("uri")
        }
    }

    struct InitializeParams: ProtocolDecodable {
        /// The editor's process: the server exits when it is gone.
        let processId: Int?
        let capabilities: ClientFeatures
        let initializationOptions: JSON?
        let workspaceFolders: [WorkspaceFolder]?
        let rootUri: String?
        let rootPath: String?

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            processId = try object.optional("processId")
            // Required by the protocol: a client that sends none is refused, not guessed at.
            capabilities = ClientFeatures(try object.required("capabilities", as: ProtocolObject.self))
            initializationOptions = object.any("initializationOptions")
            workspaceFolders = try object.optional("workspaceFolders")
            rootUri = try object.optional("rootUri")
            rootPath = try object.optional("rootPath")
        }
    }
}

extension ProtocolObject: ProtocolDecodable {
    init(decoding json: JSON, at path: String) throws(InvalidParams) {
        try self.init(json, at: path)
    }
}
