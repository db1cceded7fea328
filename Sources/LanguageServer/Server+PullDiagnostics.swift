import JSONRPC

extension Server {
    /// `textDocument/diagnostic`: the full report, or `unchanged` when the document and the
    /// configuration are what the client's `previousResultId` was computed from.
    func pullDiagnostics(_ request: PendingRequest, _ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string else {
            return request.fail(ErrorCode.invalidParams, "textDocument/diagnostic needs `textDocument.uri`")
        }
        guard let document = documents[uri] else {
            return request.respond(.object([("kind", .string("full")), ("items", .array([]))]))
        }
        let resultID = "\(lints.generation)-\(document.version)"
        if params["previousResultId"]?.string == resultID {
            return request.respond(.object([("kind", .string("unchanged")), ("resultId", .string(resultID))]))
        }
        let converter = DiagnosticConverter(codec: codec, pages: pages, docsURL: settings.docsURL)
        perform(request) { [lints, workspace] in
            let (_, result) = lints.lint(document, workspace: workspace)
            let items = converter.convert(result.diagnostics, note: result.note, document: document)
            request.respond(.object([("kind", .string("full")), ("resultId", .string(resultID)), ("items", .array(items))]))
        }
    }
}
