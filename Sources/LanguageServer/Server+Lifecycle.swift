import JSONRPC
import NoteLint
import NoteSyntax

extension Server {
    func initialize(_ request: PendingRequest, _ params: LSP.InitializeParams) {
        guard lifecycle == .uninitialized else {
            return request.fail(ErrorCode.invalidRequest, "`initialize` was already received")
        }
        clientFeatures = params.capabilities
        codec = PositionCodec(unit: clientFeatures.utf8Positions ? .utf8 : .utf16)
        settings = Settings(params.initializationOptions)
        workspace.setFolders(from: params)
        lints.update(settings)
        lifecycle = .running
        if let processId = params.processId { watchEditor(processId) }

        var serverCapabilities: [(String, JSON)] = [
            ("positionEncoding", .string(codec.encodingName)),
            (
                "textDocumentSync",
                .object([
                    ("openClose", .bool(true)),
                    ("change", .int(2)),
                    ("save", .object([("includeText", .bool(false))])),
                ])
            ),
            (
                "codeActionProvider",
                .object([
                    ("codeActionKinds", .array([.string("quickfix"), .string("source.fixAll.notelint"), .string(Server.arxivKind)])),
                    ("resolveProvider", .bool(true)),
                ])
            ),
        ]
        serverCapabilities += editorCapabilities()
        if clientFeatures.pullDiagnostics {
            // With `entry-duplicate` at `scope: workspace`, editing one note changes another's
            // findings: the client must pull the others again. A later configuration change
            // is covered by `workspace/diagnostic/refresh`.
            let comparesAcrossNotes = workspace.currentFolders.contains { folder in
                lints.linter(for: Document(uri: DocumentURI.fileURI(folder + "/note.md"), version: 0, text: "")).comparesAcrossNotes
            }
            serverCapabilities.append(
                (
                    "diagnosticProvider",
                    .object([
                        ("identifier", .string("notelint")),
                        ("interFileDependencies", .bool(comparesAcrossNotes)),
                        ("workspaceDiagnostics", .bool(true)),
                    ])
                ))
        }
        Log.info("initialized: \(codec.encodingName) positions, \(clientFeatures.pullDiagnostics ? "pull" : "push") diagnostics")
        request.respond(
            .object([
                ("capabilities", .object(serverCapabilities)),
                ("serverInfo", .object([("name", .string("notelint")), ("version", .string(version))])),
            ]))
    }

    func shutdown(_ request: PendingRequest, _ params: NoParams) {
        lifecycle = .shutDown
        request.respond(.null)
    }

    func initialized() {
        registerWatchers()
        lintWorkspace()
    }

    func didChangeConfiguration(_ params: LSP.DidChangeConfigurationParams) {
        // A client that sends no settings of ours is only saying "something changed".
        if Settings.present(in: params.settings) { settings = Settings(params.settings) }
        lints.update(settings)
        symbolIndex.forgetNotes()
        relintAll()
    }

    /// The protocol asks a server to exit when the editor that started it is gone; an editor
    /// that crashes never sends `exit`, so its process is checked every few seconds.
    private func watchEditor(_ processId: Int) {
        guard let pid = Int32(exactly: processId), pid > 0 else { return }
        parentWatch = ProcessWatch(pid: pid) { [exit] in
            Log.warning("the editor (process \(pid)) is gone: exiting")
            exit(1)
        }
    }
}
