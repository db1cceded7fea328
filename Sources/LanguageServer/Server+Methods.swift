import JSONRPC

/// Every method the server takes, with the type its params decode to. Params that do not
/// decode are answered with `InvalidParams` naming the member that is wrong (a request) or
/// logged and dropped (a notification); a handler only ever sees well-typed params.
extension Server {
    typealias RequestHandler = @Sendable (Server, PendingRequest, JSON) -> Void
    typealias NotificationHandler = @Sendable (Server, JSON) -> Void

    static let requests: [String: RequestHandler] = [
        "initialize": request { $0.initialize },
        "shutdown": request { $0.shutdown },
        "textDocument/diagnostic": request { $0.pullDiagnostics },
        "textDocument/codeAction": request { $0.codeAction },
        "codeAction/resolve": request { $0.resolveCodeAction },
        "textDocument/definition": request { $0.footnoteDefinition },
        "textDocument/references": request { $0.footnoteReferences },
        "textDocument/documentHighlight": request { $0.footnoteHighlight },
        "textDocument/prepareRename": request { $0.prepareFootnoteRename },
        "textDocument/rename": request { $0.footnoteRename },
        "textDocument/hover": request { $0.hover },
        "textDocument/documentSymbol": request { $0.documentSymbols },
        "textDocument/foldingRange": request { $0.foldingRanges },
        "textDocument/documentLink": request { $0.documentLinks },
        "textDocument/completion": request { $0.completion },
        "textDocument/formatting": request { $0.formatting },
        "textDocument/rangeFormatting": request { $0.rangeFormatting },
        "workspace/symbol": request { $0.workspaceSymbols },
        "workspace/diagnostic": request { $0.workspaceDiagnostic },
    ]

    static let notifications: [String: NotificationHandler] = [
        "initialized": notification { server in { (_: NoParams) in server.initialized() } },
        "textDocument/didOpen": notification { $0.didOpen },
        "textDocument/didChange": notification { $0.didChange },
        "textDocument/didClose": notification { $0.didClose },
        "textDocument/didSave": notification { server in { (_: LSP.DidSaveTextDocumentParams) in server.lintWorkspace(afterSave: true) } },
        "workspace/didChangeWatchedFiles": notification { $0.watchedFilesChanged },
        "workspace/didChangeConfiguration": notification { $0.didChangeConfiguration },
    ]

    private static func request<Params: ProtocolDecodable>(_ handler: @escaping @Sendable (Server) -> (PendingRequest, Params) -> Void)
        -> RequestHandler
    {
        { server, request, json in
            let params: Params
            do {
                params = try Params(decoding: json, at: "params")
            } catch {
                return request.fail(ErrorCode.invalidParams, "\(request.method): \(error)")
            }
            handler(server)(request, params)
        }
    }

    private static func notification<Params: ProtocolDecodable>(_ handler: @escaping @Sendable (Server) -> (Params) -> Void)
        -> NotificationHandler
    {
        { server, json in
            do {
                handler(server)(try Params(decoding: json, at: "params"))
            } catch {
                Log.warning("ignored a notification whose params do not decode: \(error)")
            }
        }
    }
}
