import JSONRPC
import LanguageServer
import Testing

/// Document symbols, folding ranges and document links of a reading list with emoji and
/// CJK text, in both position encodings.
@Suite struct OutlineTests {
    let uri = "file:///tmp/notelint-test/outline.md"
    let text = """
        ---
        title: 日本語 notes
        ---

        Title: Before 😀
        Link: https://arxiv.org/abs/2104.09864

        # Reading 📚 list

        Title: 注意 is all you need
        Link: arXiv:1706.03762
        Date: 12 Jun 2017

        ## Sub 中文

        Title:
        Link: https://example.org/x

        # Other

        Text with arXiv:hep-th/9901001v2 and a note.[^n]

        [^n]: See https://example.org/a_(b) and <https://example.org/c>.
            More 😀.
        """

    private func opened(utf8: Bool, options: JSON? = nil, capabilities: [(String, JSON)] = []) throws -> TestClient {
        let client = try editorClient(utf8: utf8, options: options, capabilities: capabilities)
        client.open(uri, text)
        _ = try client.diagnostics(uri)
        return client
    }

    private func lineRange(_ first: Int, _ last: Int, lastLine: String, utf8: Bool) -> JSON {
        range(position(first, 0), position(last, utf8 ? lastLine.utf8.count : lastLine.utf16.count))
    }

    @Test(arguments: [false, true]) func outlineNestsEntriesUnderHeadings(utf8: Bool) throws {
        let client = try opened(utf8: utf8)
        let symbols = try client.call("textDocument/documentSymbol", .object([("textDocument", .object([("uri", .string(uri))]))]))
        func s(_ needle: String) -> JSON { spanRange(text, needle, utf8: utf8) }
        let firstEntry = JSON.object([
            ("name", .string("注意 is all you need")), ("detail", .string("arXiv:1706.03762")), ("kind", .int(19)),
            ("range", lineRange(9, 11, lastLine: "Date: 12 Jun 2017", utf8: utf8)), ("selectionRange", s("注意 is all you need")),
        ])
        let linkOnly = JSON.object([
            ("name", .string("https://example.org/x")), ("kind", .int(19)),
            ("range", lineRange(15, 16, lastLine: "Link: https://example.org/x", utf8: utf8)),
            ("selectionRange", s("https://example.org/x")),
        ])
        let expected = JSON.array([
            .object([
                ("name", .string("front matter")), ("detail", .string("日本語 notes")), ("kind", .int(2)),
                ("range", lineRange(0, 2, lastLine: "---", utf8: utf8)), ("selectionRange", lineRange(0, 2, lastLine: "---", utf8: utf8)),
            ]),
            .object([
                ("name", .string("Before 😀")), ("detail", .string("arXiv:2104.09864")), ("kind", .int(19)),
                ("range", lineRange(4, 5, lastLine: "Link: https://arxiv.org/abs/2104.09864", utf8: utf8)),
                ("selectionRange", s("Before 😀")),
            ]),
            .object([
                ("name", .string("Reading 📚 list")), ("kind", .int(15)),
                ("range", lineRange(7, 16, lastLine: "Link: https://example.org/x", utf8: utf8)), ("selectionRange", s("Reading 📚 list")),
                (
                    "children",
                    .array([
                        firstEntry,
                        .object([
                            ("name", .string("Sub 中文")), ("kind", .int(15)),
                            ("range", lineRange(13, 16, lastLine: "Link: https://example.org/x", utf8: utf8)),
                            ("selectionRange", s("Sub 中文")),
                            ("children", .array([linkOnly])),
                        ]),
                    ])
                ),
            ]),
            .object([
                ("name", .string("Other")), ("kind", .int(15)),
                ("range", lineRange(18, 23, lastLine: "    More 😀.", utf8: utf8)), ("selectionRange", s("Other")),
            ]),
        ])
        #expect(symbols == expected, "\(symbols.pretty())")
        client.finish()
    }

    @Test func flatSymbolsNameTheirContainer() throws {
        let client = TestClient()
        _ = try client.initialize()
        client.open(uri, text)
        _ = try client.diagnostics(uri)
        let symbols = try client.call("textDocument/documentSymbol", .object([("textDocument", .object([("uri", .string(uri))]))]))
        let summary = symbols.array?.map { "\($0["name"]?.string ?? "?") in \($0["containerName"]?.string ?? "-")" }
        #expect(
            summary == [
                "front matter in -", "Before 😀 in -", "Reading 📚 list in -", "注意 is all you need in Reading 📚 list",
                "Sub 中文 in Reading 📚 list", "https://example.org/x in Sub 中文", "Other in -",
            ])
        #expect(symbols[3]?["location"] == location(uri, position(9, 0), position(11, 17)))
        client.finish()
    }

    @Test func symbolsAndHoverCanBeSwitchedOff() throws {
        let client = try editorClient(
            utf8: false, options: .object([("symbols", .bool(false)), ("hover", .bool(false)), ("completion", .bool(false))]))
        client.open(uri, text + "\nSee[^n].\n")
        _ = try client.diagnostics(uri)
        #expect(try client.call("textDocument/documentSymbol", .object([("textDocument", .object([("uri", .string(uri))]))])) == .array([]))
        #expect(try client.call("textDocument/hover", textDocumentPosition(uri, position(24, 5))) == .null)
        client.finish()
        let initialized = try TestClient().initialize(
            .object([]),
            options: .object([("notelint", .object([("symbols", .bool(false)), ("hover", .bool(false)), ("completion", .bool(false))]))]))
        let capabilities = try #require(initialized["capabilities"])
        #expect(capabilities["documentSymbolProvider"] == nil)
        #expect(capabilities["hoverProvider"] == nil)
        #expect(capabilities["completionProvider"] == nil)
        #expect(capabilities["definitionProvider"] == .bool(true))
    }

    @Test(arguments: [false, true]) func foldingRanges(utf8: Bool) throws {
        let client = try opened(utf8: utf8)
        let folds = try client.call("textDocument/foldingRange", .object([("textDocument", .object([("uri", .string(uri))]))]))
        func fold(_ start: Int, _ end: Int) -> JSON {
            .object([("startLine", .int(start)), ("endLine", .int(end)), ("kind", .string("region"))])
        }
        #expect(folds == .array([fold(0, 2), fold(4, 5), fold(9, 11), fold(15, 16), fold(22, 23)]))
        client.finish()
    }

    @Test(arguments: [false, true]) func documentLinks(utf8: Bool) throws {
        let client = try opened(utf8: utf8)
        let links = try client.call("textDocument/documentLink", .object([("textDocument", .object([("uri", .string(uri))]))]))
        func link(_ needle: String, _ target: String) -> JSON {
            .object([("range", spanRange(text, needle, utf8: utf8)), ("target", .string(target))])
        }
        #expect(
            links
                == .array([
                    link("https://arxiv.org/abs/2104.09864", "https://arxiv.org/abs/2104.09864"),
                    link("arXiv:1706.03762", "https://arxiv.org/abs/1706.03762"),
                    link("https://example.org/x", "https://example.org/x"),
                    link("arXiv:hep-th/9901001v2", "https://arxiv.org/abs/hep-th/9901001v2"),
                    link("https://example.org/a_(b)", "https://example.org/a_(b)"),
                    link("https://example.org/c", "https://example.org/c"),
                ]), "\(links.pretty())")
        client.finish()
    }
}
