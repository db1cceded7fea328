import JSONRPC
import LanguageServer
import Testing

/// Completion of footnote labels, arXiv categories and field keys, with exact insert and
/// replace ranges after emoji and CJK text, in both position encodings.
@Suite struct CompletionTests {
    let uri = "file:///tmp/notelint-test/completion.md"

    private func complete(_ client: TestClient, at position: JSON) throws -> JSON {
        try client.call("textDocument/completion", textDocumentPosition(uri, position))
    }

    private func opened(_ text: String, utf8: Bool, insertReplace: Bool = true) throws -> TestClient {
        let client: TestClient
        if insertReplace {
            client = try editorClient(utf8: utf8)
        } else {
            client = TestClient()
            _ = try client.initialize()
        }
        client.open(uri, text)
        _ = try client.diagnostics(uri)
        return client
    }

    private func edit(_ newText: String, insert: JSON, replace: JSON) -> JSON {
        .object([("newText", .string(newText)), ("insert", insert), ("replace", replace)])
    }

    @Test(arguments: [false, true]) func footnoteLabelsDefinedFirst(utf8: Bool) throws {
        let note = Marked(
            """
            Intro 😀 中文[^|al|pha|] and [^|
            More[^undefined-😀].

            [^alpha]: Alpha 🍣 text.
            [^beta]:
            """, utf8: utf8)
        let p = note.positions
        let client = try opened(note.text, utf8: utf8)
        let inside = try complete(client, at: p[1])
        #expect(inside["isIncomplete"] == .bool(false))
        let items = inside["items"]?.array ?? []
        #expect(items.map { $0["label"]?.string } == ["alpha", "beta", "undefined-😀"])
        #expect(items.map { $0["sortText"]?.string } == ["0-0", "0-1", "1-2"])
        #expect(items[0]["documentation"] == .object([("kind", .string("markdown")), ("value", .string("Alpha 🍣 text."))]))
        #expect(items[1]["documentation"] == nil)
        #expect(items[0]["detail"]?.string == "footnote")
        #expect(items[2]["detail"]?.string == "footnote without a definition")
        // Inside `[^al|pha]`: the insert ends at the cursor, the replace covers `alpha`, and
        // the `]` already there is not doubled.
        #expect(items[0]["textEdit"] == edit("alpha", insert: range(p[0], p[1]), replace: range(p[0], p[2])))

        let open = try complete(client, at: p[3])
        let first = try #require(open["items"]?[0])
        #expect(first["textEdit"] == edit("alpha]", insert: range(p[3], p[3]), replace: range(p[3], p[3])))
        client.finish()
    }

    /// A note with more footnotes than a list offers gets those that hold what is typed, and
    /// the editor is told to ask again.
    @Test func manyFootnotesAreFilteredByWhatIsTyped() throws {
        let definitions = (0..<300).map { "[^note\($0)]: Text \($0)." }.joined(separator: "\n")
        let text = "Cited [^ and [^note12\n\n" + definitions + "\n"
        let client = try opened(text, utf8: false)
        let everything = try complete(client, at: position(0, 8))
        #expect(everything["isIncomplete"] == .bool(true))
        #expect(everything["items"]?.array?.count == 200)
        let typed = try complete(client, at: position(0, 21))
        #expect(typed["isIncomplete"] == .bool(true))
        let labels = typed["items"]?.array?.compactMap { $0["label"]?.string } ?? []
        #expect(
            labels == [
                "note12", "note120", "note121", "note122", "note123", "note124", "note125", "note126", "note127", "note128", "note129",
            ])
        client.finish()
    }

    @Test(arguments: [false, true]) func categoriesByCodeAndByName(utf8: Bool) throws {
        let note = Marked(
            """
            Title: 注意 😀
            Subjects: 中文 Physics (physics.gen-ph); cs.|
            Date: 2020

            Title: B
            Subjects: Machine 😀 Learning (cs.LG); Langu|age|; Economics (econ.GN)
            """, utf8: utf8)
        let p = note.positions
        let client = try opened(note.text, utf8: utf8)
        let byCode = try complete(client, at: p[0])
        #expect(byCode["isIncomplete"] == .bool(true))
        let codes = byCode["items"]?.array ?? []
        #expect(codes.count > 30)
        #expect(codes.allSatisfy { $0["detail"]?.string?.hasPrefix("cs.") == true })
        let language = try #require(codes.first { $0["label"]?.string == "Computation and Language (cs.CL)" })
        let typedStart = span(note.text, "cs.", utf8: utf8, occurrence: 1).start
        #expect(
            language["textEdit"]
                == edit("Computation and Language (cs.CL)", insert: range(typedStart, p[0]), replace: range(typedStart, p[0])))
        #expect(language["filterText"]?.string == "cs.CL Computation and Language")
        #expect(language["kind"]?.int == 20)

        let byName = try complete(client, at: p[1])
        let names = byName["items"]?.array?.compactMap { $0["label"]?.string } ?? []
        #expect(names.contains("Computation and Language (cs.CL)"))
        #expect(names.allSatisfy { $0.lowercased().contains("langu") })
        let wordStart = span(note.text, "Language", utf8: utf8).start
        let cl = try #require(byName["items"]?.array?.first { $0["label"]?.string == "Computation and Language (cs.CL)" })
        // The rest of the word after the cursor is replaced, the next item is not.
        #expect(cl["textEdit"] == edit("Computation and Language (cs.CL)", insert: range(wordStart, p[1]), replace: range(wordStart, p[2])))
        client.finish()
    }

    @Test func fieldKeysTheEntryLacksComeFirst() throws {
        let note = Marked("Title: 注意 😀\nLi|\nDate: 2020\n\nTitle: B\nLink: https://example.org\n|\nProse only.\n|\n")
        let p = note.positions
        let client = try opened(note.text, utf8: false)
        let typed = try complete(client, at: p[0])
        let items = typed["items"]?.array ?? []
        #expect(items.map { $0["label"]?.string } == ["Link", "Subjects", "Title", "Date"])
        #expect(items.map { $0["sortText"]?.string } == ["0-0", "0-1", "1-2", "1-3"])
        #expect(items[0]["textEdit"] == edit("Link: ", insert: range(position(1, 0), p[0]), replace: range(position(1, 0), p[0])))
        #expect(items[0]["detail"]?.string == "required field")
        let blank = try complete(client, at: p[1])
        #expect(blank["items"]?.array?.map { $0["label"]?.string } == ["Date", "Subjects", "Title", "Link"])
        // Below a paragraph of prose, nothing.
        #expect(try complete(client, at: p[2]) == .null)
        // On a line that already has its key, nothing.
        #expect(try complete(client, at: position(0, 0)) == .null)
        client.finish()
    }

    @Test func plainTextEditsCoverTheWordWithoutInsertReplaceSupport() throws {
        let note = Marked("Intro 😀[^al|pha]\n\n[^alpha]: A.\n")
        let client = try opened(note.text, utf8: false, insertReplace: false)
        let items = try complete(client, at: note.positions[0])["items"]?.array ?? []
        #expect(items.first?["textEdit"] == .object([("range", range(position(0, 10), position(0, 15))), ("newText", .string("alpha"))]))
        client.finish()
    }

    @Test func completionCanBeSwitchedOffByConfiguration() throws {
        let note = Marked("See [^|\n\n[^a]: A.\n")
        let client = try opened(note.text, utf8: false)
        #expect(try complete(client, at: note.positions[0])["items"]?.array?.count == 1)
        client.notify(
            "workspace/didChangeConfiguration", .object([("settings", .object([("notelint", .object([("completion", .bool(false))]))]))]))
        _ = try client.diagnostics(uri)
        #expect(try complete(client, at: note.positions[0]) == .null)
        // A bare "something changed" keeps the settings; naming the default again restores it.
        client.notify("workspace/didChangeConfiguration", .object([("settings", .null)]))
        _ = try client.diagnostics(uri)
        #expect(try complete(client, at: note.positions[0]) == .null)
        client.notify(
            "workspace/didChangeConfiguration", .object([("settings", .object([("notelint", .object([("completion", .bool(true))]))]))]))
        _ = try client.diagnostics(uri)
        #expect(try complete(client, at: note.positions[0])["items"]?.array?.count == 1)
        client.finish()
    }
}
