import JSONRPC
import NoteLint
import NoteSyntax

extension Server {
    func didOpen(_ params: LSP.DidOpenTextDocumentParams) {
        let item = params.textDocument
        let uri = item.uri
        let text = item.text
        guard text.utf8.count <= Server.maximumDocumentSize else {
            tooLarge.insert(uri)
            documents[uri] = nil
            return showMessage(.warning, "notelint: \(uri) is over \(Server.maximumDocumentSize / 1024 / 1024) MB and is not checked")
        }
        tooLarge.remove(uri)
        let document = Document(uri: uri, version: item.version, text: text)
        documents[uri] = document
        schedulePush(document)
    }

    func didChange(_ params: LSP.DidChangeTextDocumentParams) {
        let uri = params.textDocument.uri
        guard let document = documents[uri] else {
            if !tooLarge.contains(uri) { Log.warning("didChange for \(uri), which is not open") }
            return
        }
        let version = params.textDocument.version ?? document.version + 1
        guard version > document.version else {
            return Log.warning("didChange for \(uri) at version \(version), not after \(document.version): ignored")
        }
        let changed = document.applying(params.contentChanges, version: version, codec: codec)
        guard changed.file.bytes.count <= Server.maximumDocumentSize else {
            documents[uri] = nil
            tooLarge.insert(uri)
            return showMessage(
                .warning, "notelint: \(uri) grew over \(Server.maximumDocumentSize / 1024 / 1024) MB and is no longer checked")
        }
        documents[uri] = changed
        schedulePush(changed)
    }

    func didClose(_ params: LSP.DidCloseTextDocumentParams) {
        let uri = params.textDocument.uri
        // A large note's kept parse is freed with its last snapshot, once the requests under
        // way are answered (the barrier waits for them): then give the memory back.
        if let closed = documents[uri], closed.file.bytes.count > 1 << 20 { work.async(flags: .barrier) { ProcessMemory.release() } }
        documents[uri] = nil
        tooLarge.remove(uri)
        if !clientFeatures.pullDiagnostics {
            publisher.closed(uri, connection: connection)
            // A note of the workspace keeps the findings of its saved text.
            if let path = DocumentURI.path(uri), workspace.selects(path, configuration: lints.configuration(forFile:)) {
                lintWorkspace(only: [path])
            }
        }
    }

    /// Lints a document version on its own serial queue and publishes the result, unless a
    /// newer version arrived meanwhile (then that version's lint publishes instead).
    func schedulePush(_ document: Document) {
        guard !clientFeatures.pullDiagnostics else { return }
        let queue = publisher.opened(document.uri, version: document.version)
        let converter = DiagnosticConverter(codec: codec, pages: pages, docsURL: settings.docsURL)
        queue.async { [self] in
            guard publisher.isLatest(document.uri, version: document.version) else { return }
            func lintAndPublish() {
                let (_, result) = lints.lint(document, workspace: workspace)
                let rendered = publisher.renderer(for: document.uri).json(
                    result.diagnostics, note: result.note, document: document, converter: converter)
                publisher.publish(document.uri, version: document.version, diagnostics: rendered, connection: connection)
            }
            lintAndPublish()
            RetiredVersions.drop()
            // Everything the lint built is freed by now; give the memory back after a big one.
            if document.file.bytes.count > 1 << 20 { ProcessMemory.release() }
        }
    }

    func relintAll() {
        if clientFeatures.pullDiagnostics {
            connection.request("workspace/diagnostic/refresh", .null)
        } else {
            for document in documents.values { schedulePush(document) }
        }
    }
}
