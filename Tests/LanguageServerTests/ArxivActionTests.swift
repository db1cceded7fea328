import FakeArxivServer
import Foundation
import JSONRPC
import LanguageServer
import TestSupport
import Testing

/// Fill from arXiv, Find on arXiv and hover, against the fake arXiv server.
@Suite struct ArxivActionTests {
    let uri = "file:///tmp/notelint-arxiv-test/note.md"
    /// The servers' arXiv cache, this test's own.
    let cache: TemporaryFolder

    init() throws { cache = try TemporaryFolder(prefix: "notelint-lsp-arxiv") }

    func client(_ scenario: String = "plain", url: String? = nil) -> (TestClient, String) {
        let url = url ?? FakeArxiv.shared.url(scenario)
        return (TestClient(environment: ArxivFixtures.environment(url: url, cacheHome: cache.path)), url)
    }

    func actions(_ client: TestClient, line: Int) throws -> [JSON] { try client.codeActions(uri, line: line) }

    func titles(_ actions: [JSON]) -> [String] {
        actions.compactMap { $0["title"]?.string }.filter { $0.contains("arXiv") || $0.hasPrefix("Link to") }
    }

    /// Applies LSP edits (ASCII text, so UTF-16 columns are byte columns) to `text`.
    func apply(_ edits: [JSON], to text: String) -> String {
        var lines = text.components(separatedBy: "\n").map { Array($0.utf8) }
        let sorted = edits.sorted {
            ($0["range"]!["start"]!["line"]!.int!, $0["range"]!["start"]!["character"]!.int!) > (
                $1["range"]!["start"]!["line"]!.int!, $1["range"]!["start"]!["character"]!.int!
            )
        }
        for edit in sorted {
            let start = edit["range"]!["start"]!
            let end = edit["range"]!["end"]!
            #expect(start["line"]!.int! == end["line"]!.int!)
            let line = start["line"]!.int!
            lines[line].replaceSubrange(start["character"]!.int!..<end["character"]!.int!, with: Array(edit["newText"]!.string!.utf8))
        }
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    func edits(_ action: JSON) -> [JSON] { action["edit"]?["changes"]?[uri]?.array ?? [] }

    /// What a title search for "Interstellar" finds in the fixtures: no exact match.
    static let interstellarCandidates = [
        "Link to 1502.03808: Gravitational Lensing by Spinning Black Holes in Astrophysics, and in the Movie Interstellar",
        "Link to 1604.01356: A Roadmap to Interstellar Flight",
    ]

    /// Opens an entry titled "Interstellar" with an empty Link and resolves its "Find on
    /// arXiv", which has no exact match and so makes no edit.
    func findInterstellar(_ client: TestClient) throws {
        client.open(uri, "Title: Interstellar\nLink: \n")
        _ = try client.diagnostics(uri)
        let find = try #require(try actions(client, line: 0).first { $0["title"]?.string == "Find on arXiv" })
        #expect(try client.call("codeAction/resolve", find)["edit"] == nil)
    }

    /// The message a client that cannot offer choices shows.
    func expectCandidateList(_ client: TestClient) throws {
        let shown = try client.take("the candidates") { $0["method"]?.string == "window/showMessage" }
        #expect(
            shown["params"]?["message"]?.string?.hasSuffix(
                "1502.03808: Gravitational Lensing by Spinning Black Holes in Astrophysics, and in the Movie Interstellar; 1604.01356: A Roadmap to Interstellar Flight"
            ) == true)
    }

    @Test func fillRestoresEveryEmptiedEntryExactlyAsTheFeedGivesIt() throws {
        let (client, url) = client()
        _ = try client.initialize()
        let text = ArxivFixtures.emptiedNote
        client.open(uri, text)
        _ = try client.diagnostics(uri)
        var all: [JSON] = []
        let entryLines = text.components(separatedBy: "\n").enumerated().filter { $0.element.hasPrefix("Link: https://arxiv.org/") }.map {
            $0.offset - 1
        }
        #expect(entryLines.count == 7)
        for line in entryLines {
            let offered = try actions(client, line: line)
            let fill = try #require(offered.first { $0["title"]?.string?.hasPrefix("Fill from arXiv (") == true })
            #expect(titles(offered).count == 1, "\(titles(offered))")
            #expect(fill["edit"] == nil, "the list carries no edit: the network is touched on resolve only")
            let resolved = try client.call("codeAction/resolve", fill)
            #expect(edits(resolved).count == 3)
            all += edits(resolved)
            _ = try client.diagnostics(uri)
        }
        let expected = try String(contentsOf: PackagePaths.url("fixtures/expected/fill/emptied.md.filled"), encoding: .utf8)
        #expect(apply(all, to: text) == expected)
        // Listing asked nothing; each resolve asked for its own identifier once.
        #expect(
            try FakeArxiv.shared.requests(to: url).map(\.query) == [
                "id_list=2104.09864&max_results=1", "id_list=2106.04570v1&max_results=1", "id_list=1502.03808&max_results=1",
                "id_list=2102.09238&max_results=1", "id_list=2107.03436&max_results=1", "id_list=1604.01356&max_results=1",
                "id_list=2107.01969&max_results=1",
            ])
        client.finish()
    }

    @Test func theOverwriteVariantReplacesTheRevisionDate() throws {
        let (client, _) = client()
        _ = try client.initialize()
        client.open(uri, ArxivFixtures.exampleNote)
        _ = try client.diagnostics(uri)
        // Nothing cached yet: both variants are offered, since the fields may differ.
        let offered = try actions(client, line: 101)
        #expect(titles(offered) == ["Fill from arXiv (1604.01356), replacing differing fields"])
        let resolved = try client.call("codeAction/resolve", offered.first { $0["title"]?.string?.hasPrefix("Fill") == true }!)
        #expect(edits(resolved) == [.object([("range", range(position(103, 6), position(103, 17))), ("newText", .string("5 Apr 2016"))])])
        // The answer is cached: the note is checked again, and date-arxiv-mismatch has the v1 date.
        let after = try client.diagnostics(uri)
        #expect(
            after.contains { $0["code"]?.string == "date-arxiv-mismatch" && $0["message"]?.string?.contains("5 Apr 2016") == true },
            "\(after.map { $0["message"]?.string ?? "" })")
        let hover = try client.call(
            "textDocument/hover", .object([("textDocument", .object([("uri", .string(uri))])), ("position", position(102, 30))]))
        let value = try #require(hover["contents"]?["value"]?.string)
        #expect(
            value.hasPrefix(
                "**A Roadmap to Interstellar Flight**\n\nPhilip Lubin\n\narXiv 1604.01356 · submitted 5 Apr 2016 (v1) · v4 of 2016-10-31\n\nEarth and Planetary Astrophysics (astro-ph.EP); Instrumentation and Methods for Astrophysics (astro-ph.IM); Popular Physics (physics.pop-ph)\n\nIn the nearly 60 years"
            ), "\(value)")
        #expect(hover["range"] == range(position(102, 6), position(102, 38)))
        // Not cached: no hover, and no request to arXiv.
        let none = try client.call(
            "textDocument/hover", .object([("textDocument", .object([("uri", .string(uri))])), ("position", position(11, 30))]))
        #expect(none == .null)
        client.finish()
    }

    @Test func findOffersTheExactTitleAndThenTheCandidates() throws {
        let (client, url) = client()
        _ = try client.initialize()
        client.open(uri, "Title: meta learning for knowledge distillation\nLink: \nDate: \nSubjects: \n")
        _ = try client.diagnostics(uri)
        let offered = try actions(client, line: 0)
        let find = try #require(offered.first { $0["title"]?.string == "Find on arXiv" })
        #expect(try FakeArxiv.shared.requests(to: url).isEmpty)
        let resolved = try client.call("codeAction/resolve", find)
        #expect(
            edits(resolved) == [
                .object([("range", range(position(1, 5), position(1, 6))), ("newText", .string(" https://arxiv.org/abs/2106.04570"))]),
                .object([("range", range(position(2, 5), position(2, 6))), ("newText", .string(" 8 Jun 2021"))]),
                .object([
                    ("range", range(position(3, 9), position(3, 10))),
                    (
                        "newText",
                        .string(
                            " Machine Learning (cs.LG); Artificial Intelligence (cs.AI); Computation and Language (cs.CL); Computer Vision and Pattern Recognition (cs.CV)"
                        )
                    ),
                ]),
            ])
        _ = try client.diagnostics(uri)
        #expect(titles(try actions(client, line: 0)) == ["Link to 2106.04570: Meta Learning for Knowledge Distillation"])
        client.finish()
    }

    /// No exact match: the candidates come as the choices of a message, and the chosen one is
    /// linked through `workspace/applyEdit`, versioned when the client allows.
    @Test func findWithoutAnExactMatchOffersTheCandidatesAsChoices() throws {
        let (client, _) = client()
        _ = try client.initialize(
            .object([("workspace", .object([("applyEdit", .bool(true)), ("workspaceEdit", .object([("documentChanges", .bool(true))]))]))]))
        try findInterstellar(client)
        let question = try client.take("the choices") { $0["method"]?.string == "window/showMessageRequest" }
        #expect(question["params"]?["message"]?.string == "Find on arXiv: no paper is titled exactly “Interstellar”. Link one of these?")
        #expect(question["params"]?["actions"]?.array?.compactMap { $0["title"]?.string } == Self.interstellarCandidates)
        _ = try client.diagnostics(uri)  // the search taught the cache two papers: the note is checked again

        client.answer(question, with: try #require(question["params"]?["actions"]?[1]))
        let applyEdit = try client.take("the edit") { $0["method"]?.string == "workspace/applyEdit" }
        #expect(applyEdit["params"]?["label"]?.string == "Link to 1604.01356")
        let change = try #require(applyEdit["params"]?["edit"]?["documentChanges"]?[0])
        #expect(change["textDocument"] == .object([("uri", .string(uri)), ("version", .int(1))]))
        #expect(
            apply(change["edits"]?.array ?? [], to: "Title: Interstellar\nLink: \n")
                == "Title: Interstellar\nLink: https://arxiv.org/abs/1604.01356\nDate: 5 Apr 2016\nSubjects: Earth and Planetary Astrophysics (astro-ph.EP); Instrumentation and Methods for Astrophysics (astro-ph.IM); Popular Physics (physics.pop-ph)\n"
        )
        client.answer(applyEdit, with: .object([("applied", .bool(false)), ("failureReason", .string("the buffer is read-only"))]))
        let shown = try client.take("the refusal") { $0["method"]?.string == "window/showMessage" }
        #expect(shown["params"]?["message"]?.string == "Link to 1604.01356: the editor did not apply the edit: the buffer is read-only")
        client.finish()
    }

    /// A client that answers the question with an error gets the candidates in a message.
    @Test func aClientThatCannotAskGetsTheCandidatesInAMessage() throws {
        let (client, _) = client()
        _ = try client.initialize(.object([("workspace", .object([("applyEdit", .bool(true))]))]))
        try findInterstellar(client)
        let question = try client.take("the choices") { $0["method"]?.string == "window/showMessageRequest" }
        _ = try client.diagnostics(uri)
        client.fail(question, code: -32601, "unsupported")
        try expectCandidateList(client)
        client.finish()
    }

    /// A client that cannot apply an edit of the server's gets the candidates in a message,
    /// and as code actions of their own on the next request.
    @Test func findWithoutApplyEditListsTheCandidates() throws {
        let (client, _) = client()
        _ = try client.initialize()
        try findInterstellar(client)
        try expectCandidateList(client)
        _ = try client.diagnostics(uri)
        #expect(titles(try actions(client, line: 0)) == Self.interstellarCandidates)
        client.finish()
    }

    @Test func findAddsTheLinkLineATitleOnlyEntryLacks() throws {
        let (client, _) = client()
        _ = try client.initialize()
        client.open(
            uri, "Title: Meta learning for knowledge distillation\n\nProse.\n\nTitle: RoFormer\nLink: https://arxiv.org/abs/2104.09864\n")
        _ = try client.diagnostics(uri)
        let find = try #require(try actions(client, line: 0).first { $0["title"]?.string == "Find on arXiv" })
        let resolved = try client.call("codeAction/resolve", find)
        #expect(
            edits(resolved) == [
                .object([
                    ("range", range(position(1, 0), position(1, 0))),
                    (
                        "newText",
                        .string(
                            "Link: https://arxiv.org/abs/2106.04570\nDate: 8 Jun 2021\nSubjects: Machine Learning (cs.LG); Artificial Intelligence (cs.AI); Computation and Language (cs.CL); Computer Vision and Pattern Recognition (cs.CV)\n"
                        )
                    ),
                ])
            ])
        _ = try client.diagnostics(uri)  // the resolve taught the cache a paper: the note is checked again
        client.finish()
    }

    /// What a resolve learns reaches the open notes' findings at once, without an edit.
    @Test func findingsUpdateOnceAResolveLearnsSomething() throws {
        let (client, _) = client()
        _ = try client.initialize()
        let other = "file:///tmp/notelint-arxiv-test/other.md"
        client.open(
            uri,
            "Title: Rotary embeddings\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n\nTitle: Lost\nLink: https://arxiv.org/abs/2301.99999\n"
        )
        client.open(other, "Title: Another name\nLink: arXiv:2104.09864\n")
        #expect(try client.diagnostics(uri).allSatisfy { $0["code"]?.string?.hasPrefix("arxiv-") != true })
        _ = try client.diagnostics(other)
        let fill = try #require(
            try actions(client, line: 0).first { $0["title"]?.string == "Fill from arXiv (2104.09864), replacing differing fields" })
        let filled = edits(try client.call("codeAction/resolve", fill))
        let texts = filled.compactMap { $0["newText"]?.string }
        #expect(texts.contains { $0.contains("RoFormer: Enhanced Transformer with Rotary Position Embedding") }, "\(texts)")
        let codes = { (found: [JSON]) in found.compactMap { $0["code"]?.string }.filter { $0.hasPrefix("arxiv-") } }
        #expect(codes(try client.diagnostics(uri)) == ["arxiv-title-mismatch"])
        #expect(codes(try client.diagnostics(other)) == ["arxiv-title-mismatch"])

        let lost = try #require(
            try actions(client, line: 4).first { $0["title"]?.string?.hasPrefix("Fill from arXiv (2301.99999)") == true })
        #expect(try client.call("codeAction/resolve", lost)["edit"] == nil)
        let shown = try client.take("showMessage") { $0["method"]?.string == "window/showMessage" }
        #expect(shown["params"]?["message"]?.string?.hasSuffix("arXiv has no paper 2301.99999") == true)
        #expect(codes(try client.diagnostics(uri)) == ["arxiv-title-mismatch", "arxiv-not-found"])
        _ = try client.diagnostics(other)
        client.finish()
    }

    @Test func aFailedFetchShowsAMessageAndMakesNoEdit() throws {
        for (scenario, message) in [
            ("busy", "Fill from arXiv (2104.09864) failed: HTTP 503 after 3 tries"),
            ("doctype", "Fill from arXiv (2104.09864) failed: the answer contains a DOCTYPE (arXiv never sends one); refused"),
        ] {
            let (client, _) = client(scenario)
            _ = try client.initialize()
            client.open(uri, ArxivFixtures.emptiedNote)
            _ = try client.diagnostics(uri)
            let fill = try #require(try actions(client, line: 10).first { $0["title"]?.string?.hasPrefix("Fill from arXiv") == true })
            let resolved = try client.call("codeAction/resolve", fill)
            #expect(resolved["edit"] == nil)
            let shown = try client.take("showMessage") { $0["method"]?.string == "window/showMessage" }
            #expect(shown["params"]?["type"]?.int == 1)
            #expect(shown["params"]?["message"]?.string == message)
            client.finish()
        }
    }

    @Test func progressIsReportedWhenTheClientSupportsIt() throws {
        let (client, _) = client()
        _ = try client.initialize(.object([("window", .object([("workDoneProgress", .bool(true))]))]))
        client.open(uri, ArxivFixtures.emptiedNote)
        _ = try client.diagnostics(uri)
        let fill = try #require(try actions(client, line: 80).first { $0["title"]?.string?.hasPrefix("Fill from arXiv") == true })
        let id = client.request("codeAction/resolve", fill)
        let create = try client.take("progress create") { $0["method"]?.string == "window/workDoneProgress/create" }
        let token = try #require(create["params"]?["token"])
        let begin = try client.take("progress begin") {
            $0["method"]?.string == "$/progress" && $0["params"]?["value"]?["kind"]?.string == "begin"
        }
        #expect(begin["params"]?["token"] == token)
        #expect(begin["params"]?["value"]?["title"]?.string == "Fill from arXiv (2102.09238)")
        let resolved = try client.response(to: id)
        #expect(edits(resolved).count == 3)
        let end = try client.take("progress end") {
            $0["method"]?.string == "$/progress" && $0["params"]?["value"]?["kind"]?.string == "end"
        }
        #expect(end["params"]?["token"] == token)
        _ = try client.diagnostics(uri)
        client.finish()
    }

    @Test func aRefusedProgressTokenStillResolvesWithoutProgress() throws {
        let (client, _) = client()
        client.progressAnswer = .refuse
        _ = try client.initialize(.object([("window", .object([("workDoneProgress", .bool(true))]))]))
        client.open(uri, ArxivFixtures.emptiedNote)
        _ = try client.diagnostics(uri)
        let fill = try #require(try actions(client, line: 80).first { $0["title"]?.string?.hasPrefix("Fill from arXiv") == true })
        let id = client.request("codeAction/resolve", fill)
        _ = try client.take("progress create") { $0["method"]?.string == "window/workDoneProgress/create" }
        #expect(edits(try client.response(to: id)).count == 3)
        _ = try client.diagnostics(uri)
        #expect(!client.unread.contains { $0["method"]?.string == "$/progress" })
        client.finish()
    }
}
