import JSONRPC
import LanguageServer
import Testing

@Suite struct CodeActionTests {
    let uri = "file:///tmp/notelint-test/actions.md"

    private func actions(_ client: TestClient, for diagnostics: [JSON], only: [String]? = nil) throws -> [JSON] {
        var context: [(String, JSON)] = [("diagnostics", .array(diagnostics))]
        if let only { context.append(("only", .array(only.map { .string($0) }))) }
        let result = try client.call(
            "textDocument/codeAction",
            .object([
                ("textDocument", .object([("uri", .string(uri))])), ("range", range(position(0, 0), position(0, 0))),
                ("context", .object(context)),
            ]))
        return result.array ?? []
    }

    private func edits(_ action: JSON) -> [JSON] { action["edit"]?["changes"]?[uri]?.array ?? [] }

    @Test func quickFixesArePreferredOnlyWhenSafe() throws {
        let client = TestClient()
        _ = try client.initialize()
        client.open(uri, "Title: A\nLink: https://example.org\nDate: 2020\n---\n\nTitle:\nLink:\n")
        let found = try client.diagnostics(uri)
        #expect(found.compactMap { $0["code"]?.string } == ["entry-heading-trap", "entry-blank"])
        let trapActions = try actions(client, for: [found[0]])
        let fix = try #require(trapActions.first { $0["title"]?.string == "Insert a blank line before `---`" })
        #expect(fix["isPreferred"] == .bool(true))
        #expect(fix["kind"]?.string == "quickfix")
        #expect(edits(fix) == [.object([("range", range(position(3, 0), position(3, 0))), ("newText", .string("\n"))])])
        let blankActions = try actions(client, for: [found[1]], only: ["quickfix"])
        let remove = try #require(blankActions.first { $0["title"]?.string?.hasPrefix("Remove the empty entry") == true })
        #expect(remove["isPreferred"] == .bool(false))
        #expect(blankActions.allSatisfy { $0["kind"]?.string == "quickfix" })
        client.finish()
    }

    @Test func disableCommentGoesAboveTheWholeEntry() throws {
        let client = TestClient()
        _ = try client.initialize()
        client.open(uri, "Intro.\n\nTitle: A\nLink: https://example.org\nDate: 2999\n")
        let found = try client.diagnostics(uri)
        let disable = try #require(try actions(client, for: found).first { $0["title"]?.string == "Disable date-future here" })
        #expect(
            edits(disable) == [
                .object([
                    ("range", range(position(2, 0), position(2, 0))),
                    ("newText", .string("<!-- notelint-disable-next-line date-future -->\n")),
                ])
            ])
        client.finish()
    }

    @Test func disableInFrontMatterExtendsTheDisableList() throws {
        let client = TestClient()
        _ = try client.initialize()
        client.open(uri, "---\ntitle: Title\n---\n")
        let found = try client.diagnostics(uri)
        let disable = try #require(try actions(client, for: found).first { $0["title"]?.string == "Disable front-matter-placeholder here" })
        #expect(
            edits(disable) == [
                .object([
                    ("range", range(position(2, 0), position(2, 0))),
                    ("newText", .string("notelint: {disable: [front-matter-placeholder]}\n")),
                ])
            ])
        client.change(uri, version: 2, [.object([("text", .string("---\ntitle: Title\nnotelint: {disable: [entry-blank]}\n---\n"))])])
        let again = try client.diagnostics(uri, version: 2)
        let extend = try #require(try actions(client, for: again).first { $0["title"]?.string == "Disable front-matter-placeholder here" })
        #expect(
            edits(extend) == [
                .object([("range", range(position(2, 32), position(2, 32))), ("newText", .string(", front-matter-placeholder"))])
            ])
        client.finish()
    }

    @Test func fixAllAppliesSafeFixesAsOneEditAndKeepsCRLF() throws {
        let client = TestClient()
        _ = try client.initialize()
        client.open(uri, "Title: A\r\nLink: https://example.org\r\nDate: 20th Apr 2021\r\n---\r\n\r\nTitle:\r\nLink:\r\n")
        _ = try client.diagnostics(uri)
        let all = try actions(client, for: [], only: ["source.fixAll"])
        let action = try #require(all.first)
        #expect(all.count == 1)
        #expect(action["kind"]?.string == "source.fixAll.notelint")
        // Whole lines from the first change to the last: the date rewritten, a blank line added.
        #expect(
            edits(action) == [
                .object([
                    ("range", range(position(2, 0), position(3, 0))),
                    ("newText", .string("Date: 20 Apr 2021\r\n\r\n")),
                ])
            ])
        client.finish()
    }

    @Test func staleDiagnosticsOfferNoEdits() throws {
        let client = TestClient()
        _ = try client.initialize()
        client.open(uri, "Title: A\nLink: https://example.org\nDate: 2020\n---\n")
        let found = try client.diagnostics(uri)
        client.change(uri, version: 2, [.object([("range", range(position(0, 0), position(0, 0))), ("text", .string("\n"))])])
        _ = try client.diagnostics(uri, version: 2)
        #expect(try actions(client, for: found, only: ["quickfix"]).isEmpty)
        client.finish()
    }
}
