import JSONRPC
import LanguageServer
import Testing

/// Footnote definition, references, highlights, rename and hover, with emoji and CJK text
/// before the labels, in both position encodings.
@Suite struct FootnoteNavigationTests {
    let uri = "file:///tmp/notelint-test/footnotes.md"

    /// Markers: 0-2 the first reference's label (0 start, 1 inside, 2 end), 3-4 the CJK
    /// reference's label, 5-6 the second `alpha` reference, 7-8 the definition's label, 9 a
    /// place outside any label, 10-11 the `β` definition's label.
    let marked = """
        Emoji 😀 then[^|al|pha|] and 中文[^|β|].
        More 🍣 text[^|Alpha|].

        [^|alpha|]: The 🍣 definition,
            continued 中文.
        [^|β|]: Beta|.
        """

    private func note(_ utf8: Bool) -> Marked {
        // The outside place is written after `Beta`; markers are numbered in text order.
        Marked(marked, utf8: utf8)
    }

    /// A client with the note open and its findings received, and the markers' positions.
    private func opened(_ utf8: Bool) throws -> (TestClient, [JSON]) {
        let note = note(utf8)
        let client = try editorClient(utf8: utf8)
        client.open(uri, note.text)
        _ = try client.diagnostics(uri)
        return (client, note.positions)
    }

    @Test(arguments: [false, true]) func definitionFromAReference(utf8: Bool) throws {
        let (client, p) = try opened(utf8)
        let definition = try client.call("textDocument/definition", textDocumentPosition(uri, p[1]))
        // The whole marker `[^alpha]:`, from two before the label to two after.
        #expect(definition == .array([location(uri, position(3, 0), position(3, utf8 ? 9 : 9))]))
        let beta = try client.call("textDocument/definition", textDocumentPosition(uri, p[3]))
        #expect(beta == .array([location(uri, position(5, 0), position(5, utf8 ? 6 : 5))]))
        #expect(try client.call("textDocument/definition", textDocumentPosition(uri, p[11])) == .null)
        client.finish()
    }

    @Test(arguments: [false, true]) func referencesWithAndWithoutTheDefinition(utf8: Bool) throws {
        let (client, p) = try opened(utf8)
        let all = try client.call(
            "textDocument/references", textDocumentPosition(uri, p[7], [("context", .object([("includeDeclaration", .bool(true))]))]))
        #expect(all == .array([location(uri, p[0], p[2]), location(uri, p[5], p[6]), location(uri, p[7], p[8])]))
        let referencesOnly = try client.call(
            "textDocument/references", textDocumentPosition(uri, p[1], [("context", .object([("includeDeclaration", .bool(false))]))]))
        #expect(referencesOnly == .array([location(uri, p[0], p[2]), location(uri, p[5], p[6])]))
        // Exact columns of the CJK reference: `中文` is two UTF-16 units and six bytes.
        let cjk = try client.call(
            "textDocument/references", textDocumentPosition(uri, p[4], [("context", .object([("includeDeclaration", .bool(true))]))]))
        let betaColumn = utf8 ? 36 : 30
        #expect(
            cjk == .array([location(uri, position(0, betaColumn), position(0, betaColumn + (utf8 ? 2 : 1))), location(uri, p[9], p[10])]))
        client.finish()
    }

    @Test(arguments: [false, true]) func highlightsMarkTheDefinitionAsTheWrite(utf8: Bool) throws {
        let (client, p) = try opened(utf8)
        let highlights = try client.call("textDocument/documentHighlight", textDocumentPosition(uri, p[6]))
        #expect(
            highlights
                == .array([
                    .object([("range", range(p[0], p[2])), ("kind", .int(2))]),
                    .object([("range", range(p[5], p[6])), ("kind", .int(2))]),
                    .object([("range", range(p[7], p[8])), ("kind", .int(3))]),
                ]))
        #expect(try client.call("textDocument/documentHighlight", textDocumentPosition(uri, p[11])) == .null)
        client.finish()
    }

    @Test(arguments: [false, true]) func renameEveryUseAndRefuseOutsideALabel(utf8: Bool) throws {
        let (client, p) = try opened(utf8)
        let prepared = try client.call("textDocument/prepareRename", textDocumentPosition(uri, p[1]))
        #expect(prepared == .object([("range", range(p[0], p[2])), ("placeholder", .string("alpha"))]))
        #expect(try client.call("textDocument/prepareRename", textDocumentPosition(uri, p[11])) == .null)

        let edit = try client.call("textDocument/rename", textDocumentPosition(uri, p[1], [("newName", .string("rope-😀"))]))
        let edits = edit["changes"]?[uri]?.array
        let newText = JSON.string("rope-😀")
        #expect(
            edits == [
                .object([("range", range(p[0], p[2])), ("newText", newText)]),
                .object([("range", range(p[5], p[6])), ("newText", newText)]),
                .object([("range", range(p[7], p[8])), ("newText", newText)]),
            ])

        let taken = try client.call("textDocument/rename", textDocumentPosition(uri, p[1], [("newName", .string("β"))]))
        #expect(taken["error"]?["code"]?.int == ErrorCode.requestFailed)
        #expect(taken["error"]?["message"]?.string == "the footnote label `β` is already used in this note")
        let spaced = try client.call("textDocument/rename", textDocumentPosition(uri, p[1], [("newName", .string("two words"))]))
        #expect(spaced["error"]?["message"]?.string == "a footnote label cannot contain blanks, line breaks or control characters")
        let outside = try client.call("textDocument/rename", textDocumentPosition(uri, p[11], [("newName", .string("x"))]))
        #expect(outside["error"]?["code"]?.int == ErrorCode.requestFailed)
        client.finish()
    }

    @Test(arguments: [false, true]) func hoverShowsTheDefinitionText(utf8: Bool) throws {
        let (client, p) = try opened(utf8)
        let hover = try client.call("textDocument/hover", textDocumentPosition(uri, p[1]))
        // The range is the whole reference `[^alpha]`, two before the label and one after.
        let start = position(0, utf8 ? 15 : 13)
        let end = position(0, utf8 ? 23 : 21)
        #expect(
            hover
                == .object([
                    ("contents", .object([("kind", .string("markdown")), ("value", .string("The 🍣 definition,\ncontinued 中文."))])),
                    ("range", range(start, end)),
                ]))
        #expect(try client.call("textDocument/hover", textDocumentPosition(uri, p[11])) == .null)
        // Hover on a definition's own label says nothing.
        #expect(try client.call("textDocument/hover", textDocumentPosition(uri, p[7])) == .null)
        client.finish()
    }

    @Test func hoverOnAnUndefinedReference() throws {
        let note = Marked("See[^no|pe].\n")
        let client = try editorClient(utf8: false)
        client.open(uri, note.text)
        _ = try client.diagnostics(uri)
        let hover = try client.call("textDocument/hover", textDocumentPosition(uri, note.positions[0]))
        #expect(hover["contents"]?["value"]?.string == "Footnote `[^nope]` has no definition in this note.")
        client.finish()
    }

    @Test func requestsForUnopenedDocumentsAndBadParams() throws {
        let client = try editorClient(utf8: false)
        #expect(try client.call("textDocument/definition", textDocumentPosition("file:///tmp/none.md", position(0, 0))) == .null)
        #expect(
            try client.errorCode(
                of: client.request("textDocument/references", .object([("textDocument", .object([("uri", .string(uri))]))])))
                == ErrorCode.invalidParams)
        #expect(
            try client.errorCode(of: client.request("textDocument/rename", textDocumentPosition(uri, position(0, 0))))
                == ErrorCode.invalidParams)
        client.finish()
    }
}
