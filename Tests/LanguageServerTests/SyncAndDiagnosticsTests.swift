import Foundation
import JSONRPC
import LanguageServer
import Testing

@Suite struct SyncAndDiagnosticsTests {
    let uri = "file:///tmp/notelint-test/note.md"

    @Test func pushedDiagnosticsCarryCodeSourceTagsRelatedAndData() throws {
        let client = TestClient()
        _ = try client.initialize()
        client.open(uri, "A.[^a]\n\n[^a]: One.\n[^A]: Two.\n[^b]: Unused.\n", version: 7)
        let message = try client.take("diagnostics") { $0["method"]?.string == "textDocument/publishDiagnostics" }
        #expect(message["params"]?["version"]?.int == 7)
        let found = message["params"]?["diagnostics"]?.array ?? []
        #expect(found.compactMap { $0["code"]?.string } == ["footnote-duplicate", "footnote-unused"])
        let duplicate = found[0]
        let unused = found[1]
        #expect(duplicate["severity"]?.int == 1)
        #expect(duplicate["source"]?.string == "notelint")
        #expect(duplicate["relatedInformation"]?[0]?["location"]?["range"] == range(position(2, 0), position(2, 5)))
        #expect(duplicate["relatedInformation"]?[0]?["location"]?["uri"]?.string == uri)
        #expect(unused["tags"] == .array([.int(1)]))
        #expect(unused["data"]?["fix"]?["applicability"]?.string == "unsafe")
        #expect(unused["data"]?["version"]?.int == 7)
        // No rule page is known to this test server, so no invented link.
        #expect(unused["codeDescription"] == nil)
        client.finish()
    }

    @Test func incrementalChangesApplyInOrderAndStaleVersionsAreIgnored() throws {
        let client = TestClient()
        _ = try client.initialize()
        client.open(uri, "Title: A\nLink: https://example.org\nDate: 2020\n")
        #expect(try client.diagnostics(uri, version: 1).isEmpty)
        // Two changes in one notification: replace "2020" with "2999", then add "---" below.
        client.change(
            uri, version: 2,
            [
                .object([("range", range(position(2, 6), position(2, 10))), ("text", .string("2999"))]),
                .object([("range", range(position(3, 0), position(3, 0))), ("text", .string("---\n"))]),
            ])
        let found = try client.diagnostics(uri, version: 2)
        #expect(found.compactMap { $0["code"]?.string } == ["date-future", "entry-heading-trap"])
        // A change that is not newer than the document is ignored, and so is an unknown document.
        client.change(uri, version: 2, [.object([("text", .string("Title:\nLink:\n"))])])
        client.change("file:///tmp/never-opened.md", version: 5, [.object([("text", .string("x"))])])
        // Positions past the end clamp to the end of the text.
        client.change(
            uri, version: 3, [.object([("range", range(position(99, 0), position(120, 4))), ("text", .string("\nMore.[^x]\n"))])])
        let latest = try client.diagnostics(uri, version: 3)
        #expect(latest.compactMap { $0["code"]?.string } == ["date-future", "entry-heading-trap", "footnote-undefined"])
        client.finish()
    }

    @Test func closingClearsDiagnostics() throws {
        let client = TestClient()
        _ = try client.initialize()
        client.open(uri, "Title:\nLink:\n")
        #expect(try client.diagnostics(uri).count == 1)
        client.notify("textDocument/didClose", .object([("textDocument", .object([("uri", .string(uri))]))]))
        #expect(try client.diagnostics(uri).isEmpty)
        client.finish()
    }

    @Test func pullClientsGetReportsAndUnchangedAndNoPush() throws {
        let client = TestClient()
        let result = try client.initialize(.object([("textDocument", .object([("diagnostic", .object([]))]))]))
        #expect(result["capabilities"]?["diagnosticProvider"]?["interFileDependencies"] == .bool(false))
        client.open(uri, "Title:\nLink:\n")
        let params = JSON.object([("textDocument", .object([("uri", .string(uri))]))])
        let report = try client.call("textDocument/diagnostic", params)
        #expect(report["kind"]?.string == "full")
        #expect(report["items"]?.array?.compactMap { $0["code"]?.string } == ["entry-blank"])
        let resultID = try #require(report["resultId"])
        let again = try client.call(
            "textDocument/diagnostic",
            .object([
                ("textDocument", .object([("uri", .string(uri))])), ("previousResultId", resultID),
            ]))
        #expect(again["kind"]?.string == "unchanged")
        client.change(uri, version: 2, [.object([("text", .string("Title: A\nLink: https://example.org\nDate: 2020\n"))])])
        let afterChange = try client.call(
            "textDocument/diagnostic",
            .object([
                ("textDocument", .object([("uri", .string(uri))])), ("previousResultId", resultID),
            ]))
        #expect(afterChange["kind"]?.string == "full")
        #expect(afterChange["items"]?.array?.isEmpty == true)
        client.finish()
    }

    @Test(arguments: [false, true])
    func positionsFollowTheNegotiatedEncoding(_ utf8: Bool) throws {
        let client = TestClient()
        let capabilities: JSON =
            utf8 ? .object([("general", .object([("positionEncodings", .array([.string("utf-8"), .string("utf-16")]))]))]) : .object([])
        let result = try client.initialize(capabilities)
        #expect(result["capabilities"]?["positionEncoding"]?.string == (utf8 ? "utf-8" : "utf-16"))
        let marked = Marked("Emoji 😀, CJK 変換, e\u{301}: |[^a]| and |[^b]|\n\n[^b]: defined\n", utf8: utf8)
        client.open(uri, marked.text)
        let found = try client.diagnostics(uri)
        #expect(found.map { $0["range"] } == [range(marked.positions[0], marked.positions[1])])
        // An edit at a position after the emoji, in the same encoding, lands where it should.
        client.change(uri, version: 2, [.object([("range", range(marked.positions[2], marked.positions[3])), ("text", .string("[^c]"))])])
        let after = try client.diagnostics(uri, version: 2)
        #expect(
            after.compactMap { $0["message"]?.string } == [
                "footnote `[^a]` is not defined", "footnote `[^c]` is not defined", "footnote `[^b]` is defined but never referenced",
            ])
        client.finish()
    }
}
