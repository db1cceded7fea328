import JSONRPC
import NoteSyntax

extension Server {
    func initialize(_ request: PendingRequest, _ params: JSON) {
        guard lifecycle == .uninitialized else {
            return request.fail(ErrorCode.invalidRequest, "`initialize` was already received")
        }
        guard params.isObject else { return request.fail(ErrorCode.invalidParams, "`initialize` needs params") }
        let capabilities = params["capabilities"] ?? .object([])
        let encodings = capabilities["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
        codec = PositionCodec(unit: encodings.contains("utf-8") ? .utf8 : .utf16)
        pullDiagnostics = capabilities["textDocument"]?["diagnostic"].map { $0.isObject } ?? false
        dynamicWatchers = capabilities["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool ?? false
        settings = Settings(params["initializationOptions"])
        clientFeatures = ClientFeatures(capabilities)
        workspace.setFolders(from: params)
        lints.update(settings)
        lifecycle = .running

        var serverCapabilities: [(String, JSON)] = [
            ("positionEncoding", .string(codec.encodingName)),
            ("textDocumentSync", .object([
                ("openClose", .bool(true)),
                ("change", .int(2)),
                ("save", .object([("includeText", .bool(false))])),
            ])),
            ("codeActionProvider", .object([
                ("codeActionKinds", .array([.string("quickfix"), .string("source.fixAll.notelint"), .string(Server.arxivKind)])),
                ("resolveProvider", .bool(true)),
            ])),
        ]
        serverCapabilities += editorCapabilities()
        if pullDiagnostics {
            // With `entry-duplicate` at `scope: workspace`, editing one note changes another's
            // findings: the client must pull the others again. A later configuration change
            // is covered by `workspace/diagnostic/refresh`.
            let comparesAcrossNotes = workspace.currentFolders.contains { folder in
                lints.linter(for: Document(uri: DocumentURI.fileURI(folder + "/note.md"), version: 0, text: "")).comparesAcrossNotes
            }
            serverCapabilities.append(("diagnosticProvider", .object([
                ("identifier", .string("notelint")),
                ("interFileDependencies", .bool(comparesAcrossNotes)),
                ("workspaceDiagnostics", .bool(true)),
            ])))
        }
        Log.info("initialized: \(codec.encodingName) positions, \(pullDiagnostics ? "pull" : "push") diagnostics")
        request.respond(.object([
            ("capabilities", .object(serverCapabilities)),
            ("serverInfo", .object([("name", .string("notelint")), ("version", .string(version))])),
        ]))
    }

    func shutdown(_ request: PendingRequest) {
        lifecycle = .shutDown
        request.respond(.null)
    }

    func didChangeConfiguration(_ params: JSON) {
        // A client that sends no settings of ours is only saying "something changed".
        if Settings.present(in: params["settings"]) { settings = Settings(params["settings"]) }
        lints.update(settings)
        relintAll()
    }
}
