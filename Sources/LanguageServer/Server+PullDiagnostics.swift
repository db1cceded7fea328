import JSONRPC

extension Server {
    /// `textDocument/diagnostic`: the full report, or `unchanged` when the document and the
    /// configuration are what the client's `previousResultId` was computed from.
    func pullDiagnostics(_ request: PendingRequest, _ params: LSP.DocumentDiagnosticParams) {
        let uri = params.textDocument.uri
        guard let document = documents[uri] else {
            return request.respond(LSP.DocumentDiagnosticReport.full(resultId: nil, items: []).json)
        }
        let resultID = "\(lints.generation)-\(document.version)"
        if params.previousResultId == resultID {
            return request.respond(LSP.DocumentDiagnosticReport.unchanged(resultId: resultID).json)
        }
        let converter = DiagnosticConverter(codec: codec, pages: pages, docsURL: settings.docsURL)
        perform(request) { [lints, workspace] in
            let (_, result) = lints.lint(document, workspace: workspace)
            let items = converter.convert(result.diagnostics, note: result.note, document: document)
            request.respond(LSP.DocumentDiagnosticReport.full(resultId: resultID, items: items).json)
        }
    }
}
