import ArxivIndex
import FakeArxivServer
import Foundation
import JSONRPC
import LanguageServer
import TestSupport
import Testing

/// With a local index the server's arXiv findings, fills, finds and hovers come from it,
/// without a request to the (fake) API.
@Suite struct ArxivIndexServerTests {
    let uri = "file:///tmp/notelint-arxiv-index-test/note.md"
    let folder: TemporaryFolder
    let url: String
    let client: TestClient

    init() throws {
        folder = try TemporaryFolder(prefix: "notelint-lsp-index")
        let lines = [
            #"{"id":"2104.09864","authors":"Jianlin Su, Yu Lu and Shengfeng Pan","title":"RoFormer: Enhanced Transformer with Rotary\n  Position Embedding","comments":null,"journal-ref":null,"doi":null,"categories":"cs.CL cs.AI cs.LG","abstract":"  Position encoding.\n","versions":[{"version":"v1","created":"Tue, 20 Apr 2021 09:54:06 GMT"}],"update_date":"2021-04-21","authors_parsed":[]}"#,
            #"{"id":"2104.09870","authors":"A. Author","title":"A Result That Did Not Hold","comments":"Withdrawn: the main lemma is false","journal-ref":null,"doi":null,"categories":"math.CO","abstract":"  A.\n","versions":[{"version":"v1","created":"Tue, 20 Apr 2021 10:00:00 GMT"},{"version":"v2","created":"Mon, 3 May 2021 10:00:00 GMT"}],"update_date":"2021-05-04","authors_parsed":[]}"#,
            #"{"id":"2105.00001","authors":"B. Author","title":"The Newest Paper","comments":null,"journal-ref":null,"doi":null,"categories":"cs.LG","abstract":"  A.\n","versions":[{"version":"v1","created":"Sat, 1 May 2021 10:00:00 GMT"}],"update_date":"2021-05-02","authors_parsed":[]}"#,
        ]
        try folder.write("snapshot.json", lines.joined(separator: "\n") + "\n")
        let path = folder.path("arxiv.sqlite")
        _ = try ArxivIndex(path: path, create: true).importSnapshot(path: folder.path("snapshot.json"), options: ImportOptions())
        url = FakeArxiv.shared.url()
        var environment = ArxivFixtures.environment(url: url, cacheHome: folder.path("cache"))
        environment["NOTELINT_ARXIV_DB"] = path
        client = TestClient(environment: environment)
        _ = try client.initialize()
    }

    static let note = """
        Title:
        Link: https://arxiv.org/abs/2104.09864
        Date:
        Subjects:

        Title: A Result That Did Not Hold
        Link: https://arxiv.org/abs/2104.09870

        Title: The Newest Paper
        Link:

        """

    func resolvedEdits(_ title: String, line: Int) throws -> [String] {
        let action = try #require(try client.codeActions(uri, line: line).first { $0["title"]?.string == title }, "no \(title)")
        let resolved = try client.call("codeAction/resolve", action)
        return (resolved["edit"]?["changes"]?[uri]?.array ?? []).compactMap { $0["newText"]?.string }
    }

    @Test func findingsFillFindAndHoverComeFromTheIndex() throws {
        client.open(uri, Self.note)
        let diagnostics = try client.diagnostics(uri)
        let withdrawn = diagnostics.filter { $0["code"]?.string == "arxiv-withdrawn" }
        #expect(withdrawn.count == 1)
        #expect(withdrawn.first?["range"]?["start"]?["line"]?.int == 6)

        let filled = try resolvedEdits("Fill from arXiv (2104.09864)", line: 0)
        #expect(filled.contains(" RoFormer: Enhanced Transformer with Rotary Position Embedding"), "\(filled)")
        #expect(filled.contains { $0.contains("(cs.CL)") }, "\(filled)")

        let found = try resolvedEdits("Find on arXiv", line: 8)
        #expect(found.contains { $0.contains("2105.00001") }, "\(found)")
        _ = try client.diagnostics(uri)  // the search's papers were kept in the cache: the note is checked again

        let hover = try client.call(
            "textDocument/hover", .object([("textDocument", .object([("uri", .string(uri))])), ("position", position(1, 30))]))
        #expect(hover["contents"]?["value"]?.string?.hasPrefix("**RoFormer: Enhanced Transformer with Rotary Position Embedding**") == true)

        #expect(try FakeArxiv.shared.requests(to: url).isEmpty, "the index answered everything")
        client.finish()
    }

    @Test func aTitleBeingTypedIsCompletedWithItsLinkDateAndSubjects() throws {
        let text = "# Reading\n\nTitle: rotary posit\nDate:\n"
        client.open(uri, text)
        _ = try client.diagnostics(uri)
        let list = try client.call("textDocument/completion", textDocumentPosition(uri, position(2, 19)))
        #expect(list["isIncomplete"]?.bool == true)
        let first = try #require(list["items"]?.array?.first)
        #expect(first["label"]?.string == "RoFormer: Enhanced Transformer with Rotary Position Embedding")
        #expect(first["detail"]?.string == "arXiv 2104.09864 · 2021 · cs.CL")
        #expect(first["textEdit"]?["newText"]?.string == "RoFormer: Enhanced Transformer with Rotary Position Embedding")
        #expect(first["textEdit"]?["range"] == range(position(2, 7), position(2, 19)))
        let additional = (first["additionalTextEdits"]?.array ?? []).compactMap { $0["newText"]?.string }
        #expect(additional.contains { $0.contains("Link: https://arxiv.org/abs/2104.09864") }, "\(additional)")
        #expect(additional.contains(" 20 Apr 2021"), "\(additional)")
        #expect(additional.contains { $0.contains("Subjects: Computation and Language (cs.CL)") }, "\(additional)")

        // A Title line typed alone, not a record yet: the other lines are written below it.
        client.change(uri, version: 2, [.object([("text", .string("# Reading\n\nTitle: the newest pa\n"))])])
        _ = try client.diagnostics(uri)
        let alone = try client.call("textDocument/completion", textDocumentPosition(uri, position(2, 24)))
        let paper = try #require(alone["items"]?.array?.first)
        #expect(paper["label"]?.string == "The Newest Paper")
        #expect(
            paper["additionalTextEdits"]?.array?.map { $0["newText"]?.string }
                == ["Link: https://arxiv.org/abs/2105.00001\nDate: 1 May 2021\nSubjects: Machine Learning (cs.LG)\n"])
        #expect(paper["additionalTextEdits"]?.array?.first?["range"] == range(position(3, 0), position(3, 0)))

        // Two letters are too few; an entry that links a paper already is left to "Fill from arXiv".
        client.change(uri, version: 3, [.object([("text", .string("Title: ro\n"))])])
        _ = try client.diagnostics(uri)
        #expect(try client.call("textDocument/completion", textDocumentPosition(uri, position(0, 9))) == .null)
        client.change(uri, version: 4, [.object([("text", .string("Title: rotary\nLink: https://arxiv.org/abs/2104.09870\n"))])])
        _ = try client.diagnostics(uri)
        #expect(try client.call("textDocument/completion", textDocumentPosition(uri, position(0, 13))) == .null)
        #expect(try FakeArxiv.shared.requests(to: url).isEmpty)
        client.finish()
    }
}
