import JSONRPC
import NoteLint
import NoteSyntax

/// The requests that read a note at the cursor (navigation, symbols, completion,
/// formatting...): each is routed here by method name, so adding one touches this table
/// and the feature's own file, not the dispatch in `Server.swift`.
extension Server {
    static let editorRequests: [String: (Server) -> (PendingRequest, JSON) -> Void] = [
        "textDocument/definition": { $0.footnoteDefinition },
        "textDocument/references": { $0.footnoteReferences },
        "textDocument/documentHighlight": { $0.footnoteHighlight },
        "textDocument/prepareRename": { $0.prepareFootnoteRename },
        "textDocument/rename": { $0.footnoteRename },
        "textDocument/hover": { $0.hover },
        "textDocument/documentSymbol": { $0.documentSymbols },
        "textDocument/foldingRange": { $0.foldingRanges },
        "textDocument/documentLink": { $0.documentLinks },
        "textDocument/completion": { $0.completion },
        "textDocument/formatting": { $0.formatting },
        "textDocument/rangeFormatting": { $0.rangeFormatting },
        "workspace/symbol": { $0.workspaceSymbols },
        "workspace/diagnostic": { $0.workspaceDiagnostic },
    ]

    /// The capabilities of the features above, as `initialize` answers them.
    func editorCapabilities() -> [(String, JSON)] {
        var capabilities: [(String, JSON)] = [
            ("definitionProvider", .bool(true)),
            ("referencesProvider", .bool(true)),
            ("documentHighlightProvider", .bool(true)),
            ("renameProvider", clientFeatures.prepareRename ? .object([("prepareProvider", .bool(true))]) : .bool(true)),
        ]
        if settings.hover { capabilities.append(("hoverProvider", .bool(true))) }
        if settings.completion {
            capabilities.append(("completionProvider", .object([("triggerCharacters", .array([.string("^"), .string(".")])), ("resolveProvider", .bool(false))])))
        }
        if settings.symbols {
            capabilities.append(("documentSymbolProvider", .bool(true)))
            capabilities.append(("workspaceSymbolProvider", .bool(true)))
        }
        capabilities.append(("foldingRangeProvider", .bool(true)))
        capabilities.append(("documentFormattingProvider", .bool(true)))
        capabilities.append(("documentRangeFormattingProvider", .bool(true)))
        capabilities.append(("documentLinkProvider", .object([("resolveProvider", .bool(false))])))
        return capabilities
    }

    /// Answers `request` from the note named by `params.textDocument.uri`, parsed off the
    /// server queue with the document's own configuration. `empty` answers for a document
    /// that is not open; a position, when `needsPosition`, must be in the params.
    func answer(_ request: PendingRequest, _ params: JSON, empty: JSON, needsPosition: Bool = true,
                _ body: @escaping @Sendable (NoteQuery) throws -> JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string else {
            return request.fail(ErrorCode.invalidParams, "\(request.method) needs `textDocument.uri`")
        }
        let position = params["position"]
        if needsPosition && (position?["line"]?.int == nil || position?["character"]?.int == nil) {
            return request.fail(ErrorCode.invalidParams, "\(request.method) needs a `position` with `line` and `character`")
        }
        guard let document = documents[uri] else { return request.respond(empty) }
        let codec = self.codec, settings = self.settings
        perform(request) { [lints] in
            func respond() {
                let linter = lints.linter(for: document)
                let note = document.note(linter)
                let offset = position.flatMap { codec.offset($0, in: document.source) }
                let query = NoteQuery(uri: uri, document: document, note: note, linter: linter, codec: codec, offset: offset, settings: settings)
                do {
                    request.respond(try body(query))
                } catch let error as RequestError {
                    request.fail(error.code, error.message)
                } catch {
                    request.fail(ErrorCode.internalError, "\(error)")
                }
            }
            respond()
            // What the answer for a large note built is freed by now: give the memory back.
            if document.file.bytes.count > 1 << 20 { ProcessMemory.release() }
        }
    }
}

/// A failure a feature answers with, such as a rename to a label that is taken.
struct RequestError: Error {
    let code: Int
    let message: String

    static func failed(_ message: String) -> RequestError { RequestError(code: ErrorCode.requestFailed, message: message) }
    static func invalidParams(_ message: String) -> RequestError { RequestError(code: ErrorCode.invalidParams, message: message) }
}

/// A parsed snapshot of one document, with the cursor's byte offset when the request had one.
struct NoteQuery: Sendable {
    let uri: String
    let document: Document
    let note: Note
    let linter: Linter
    let codec: PositionCodec
    let offset: Int?
    let settings: Settings

    var source: SourceText { note.source }

    func range(_ range: ByteRange) -> JSON { codec.range(range, in: note.source) }

    func location(_ range: ByteRange) -> JSON {
        .object([("uri", .string(uri)), ("range", self.range(range))])
    }

    func edit(_ range: ByteRange, _ newText: String) -> JSON {
        .object([("range", self.range(range)), ("newText", .string(newText))])
    }
}
