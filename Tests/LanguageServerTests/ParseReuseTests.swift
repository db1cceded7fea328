import JSONRPC
import LanguageServer
import Testing

/// The lint and the editor requests on one document version share one parse; a change starts
/// a new one and a close drops it.
@Suite struct ParseReuseTests {
    let uri = "file:///tmp/notelint-test/reuse.md"
    let text = """
        # Reading

        Title: RoFormer
        Link: https://arxiv.org/abs/2104.09864
        Date: 20 Apr 2021

        A remark.[^a]

        [^a]: https://example.org/a
        """

    private func askEverything(_ client: TestClient) throws {
        let document = JSON.object([("uri", .string(uri))])
        let at = position(6, 10)
        for method in ["textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/documentLink", "textDocument/formatting"] {
            var params: [(String, JSON)] = [("textDocument", document)]
            if method == "textDocument/formatting" {
                params.append(("options", .object([("tabSize", .int(4)), ("insertSpaces", .bool(true))])))
            }
            let result = try client.call(method, .object(params))
            #expect(!result.isNull || method == "textDocument/formatting", "\(method) answered nothing")
        }
        for method in ["textDocument/definition", "textDocument/hover", "textDocument/completion", "textDocument/references"] {
            var params = [("textDocument", document), ("position", at)]
            if method == "textDocument/references" { params.append(("context", .object([("includeDeclaration", .bool(true))]))) }
            _ = try client.call(method, .object(params))
        }
    }

    @Test func requestsOnOneVersionReuseItsParse() throws {
        let client = try editorClient(utf8: false)
        client.open(uri, text)
        _ = try client.diagnostics(uri)
        #expect(client.server.parseCount(of: uri) == 1)
        try askEverything(client)
        try askEverything(client)
        #expect(client.server.parseCount(of: uri) == 1)

        client.change(uri, version: 2, [.object([("text", .string(text + "\n\nMore prose.\n"))])])
        _ = try client.diagnostics(uri, version: 2)
        try askEverything(client)
        #expect(client.server.parseCount(of: uri) == 1)

        client.notify("textDocument/didClose", .object([("textDocument", .object([("uri", .string(uri))]))]))
        _ = try client.diagnostics(uri)
        #expect(client.server.parseCount(of: uri) == nil)
        client.finish()
    }
}
