import JSONRPC
import NoteLint
import NoteSyntax

/// What the requests that read a note at the cursor (navigation, symbols, completion,
/// formatting...) share: their capabilities and how they get the parsed note.
extension Server {
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
            capabilities.append(
                (
                    "completionProvider",
                    .object([("triggerCharacters", .array([.string("^"), .string(".")])), ("resolveProvider", .bool(false))])
                ))
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

    /// Answers `request` from the note `textDocument`, parsed off the server queue with the
    /// document's own configuration; the query carries the byte offset of `position`.
    /// `empty` answers for a document that is not open.
    func answer(
        _ request: PendingRequest, _ textDocument: LSP.TextDocumentIdentifier, at position: LSP.Position? = nil, empty: JSON,
        _ body: @escaping @Sendable (NoteQuery) throws -> JSON
    ) {
        let uri = textDocument.uri
        guard let document = documents[uri] else { return request.respond(empty) }
        let codec = self.codec
        let settings = self.settings
        perform(request) { [lints] in
            func respond() {
                let linter = lints.linter(for: document)
                let note = document.note(linter)
                let offset = position.map { codec.offset($0, in: document.source) }
                let query = NoteQuery(
                    uri: uri, document: document, note: note, linter: linter, codec: codec, offset: offset, settings: settings)
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

    func range(_ range: ByteRange) -> LSP.Range { codec.range(range, in: note.source) }

    func location(_ range: ByteRange) -> LSP.Location { LSP.Location(uri: uri, range: self.range(range)) }

    func edit(_ range: ByteRange, _ newText: String) -> LSP.TextEdit { LSP.TextEdit(range: self.range(range), newText: newText) }
}
