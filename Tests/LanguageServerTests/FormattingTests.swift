import JSONRPC
import LanguageServer
import Testing

/// Formatting applies every safe fix as a few line edits, never one edit over the whole
/// note; range formatting keeps the edits that touch the range.
@Suite struct FormattingTests {
    let uri = "file:///tmp/notelint-test/format.md"
    /// Neither date is written in a style notelint knows, so both are rewritten in the default one.
    let lines = [
        "Title: 注意 😀", "Link: https://arxiv.org/abs/2104.09864", "Date: 20th Apr 2021", "Subjects: cs.CL", "",
        "Prose 中文 😀 unchanged.", "More prose.", "", "Title: B 😀", "Link: https://example.org/b", "Date: 1 May. 2020",
    ]

    private func document(_ ending: String) -> String { lines.joined(separator: ending) }

    private func edit(_ start: JSON, _ end: JSON, _ text: String) -> JSON {
        .object([("range", range(start, end)), ("newText", .string(text))])
    }

    @Test(arguments: [false, true]) func formattingAnswersWithOneEditPerChangedRun(utf8: Bool) throws {
        let client = try editorClient(utf8: utf8)
        client.open(uri, document("\n"))
        _ = try client.diagnostics(uri)
        let edits = try client.call(
            "textDocument/formatting",
            .object([
                ("textDocument", .object([("uri", .string(uri))])),
                ("options", .object([("tabSize", .int(4)), ("insertSpaces", .bool(true))])),
            ]))
        #expect(
            edits
                == .array([
                    edit(position(2, 0), position(4, 0), "Date: 20 Apr 2021\nSubjects: Computation and Language (cs.CL)\n"),
                    edit(position(10, 0), position(10, 17), "Date: 1 May 2020"),
                ]))
        client.finish()
    }

    @Test func lineEndingsAreKept() throws {
        let client = try editorClient(utf8: false)
        client.open(uri, document("\r\n"))
        _ = try client.diagnostics(uri)
        let edits = try client.call(
            "textDocument/formatting", .object([("textDocument", .object([("uri", .string(uri))])), ("options", .object([]))]))
        #expect(
            edits
                == .array([
                    edit(position(2, 0), position(4, 0), "Date: 20 Apr 2021\r\nSubjects: Computation and Language (cs.CL)\r\n"),
                    edit(position(10, 0), position(10, 17), "Date: 1 May 2020"),
                ]))
        client.finish()
    }

    @Test(arguments: [false, true]) func rangeFormattingKeepsTheEditsInTheRange(utf8: Bool) throws {
        let client = try editorClient(utf8: utf8)
        let text = document("\n")
        client.open(uri, text)
        _ = try client.diagnostics(uri)
        func format(_ start: JSON, _ end: JSON) throws -> JSON {
            try client.call(
                "textDocument/rangeFormatting",
                .object([
                    ("textDocument", .object([("uri", .string(uri))])), ("range", range(start, end)), ("options", .object([])),
                ]))
        }
        // From after the emoji of `Title: B 😀` to the last line: only the second entry's edit.
        let afterEmoji = span(text, "Title: B 😀", utf8: utf8).end
        #expect(try format(afterEmoji, position(10, 3)) == .array([edit(position(10, 0), position(10, 17), "Date: 1 May 2020")]))
        // The prose between the entries: nothing.
        #expect(try format(span(text, "中文 😀", utf8: utf8).end, afterEmoji) == .array([]))
        // The first entry's Subjects line alone still gets the whole run of changed lines.
        #expect(
            try format(position(3, 2), position(3, 4))
                == .array([
                    edit(position(2, 0), position(4, 0), "Date: 20 Apr 2021\nSubjects: Computation and Language (cs.CL)\n")
                ]))
        client.finish()
    }

    @Test func aCleanNoteNeedsNoEdits() throws {
        let client = try editorClient(utf8: false)
        client.open(uri, "Title: 注意 😀\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n")
        _ = try client.diagnostics(uri)
        #expect(
            try client.call(
                "textDocument/formatting", .object([("textDocument", .object([("uri", .string(uri))])), ("options", .object([]))]))
                == .array([]))
        #expect(
            try client.errorCode(
                of: client.request("textDocument/rangeFormatting", .object([("textDocument", .object([("uri", .string(uri))]))])))
                == ErrorCode.invalidParams)
        client.finish()
    }

    @Test func scatteredFixesInALongNoteStaySeparate() throws {
        var lines: [String] = []
        for index in 0..<400 {
            lines += [
                "Title: Paper \(index) 😀", "Link: https://example.org/\(index)",
                index % 100 == 0 ? "Date: 1 May. 2020" : "Date: 1 May 2020", "",
            ]
        }
        let client = try editorClient(utf8: false)
        client.open(uri, lines.joined(separator: "\n"))
        _ = try client.diagnostics(uri)
        let edits = try client.call(
            "textDocument/formatting", .object([("textDocument", .object([("uri", .string(uri))])), ("options", .object([]))]))
        #expect(
            edits
                == .array(
                    [0, 100, 200, 300].map { entry in
                        edit(position(entry * 4 + 2, 0), position(entry * 4 + 3, 0), "Date: 1 May 2020\n")
                    }))
        client.finish()
    }
}

extension FormattingTests {
    /// Past the diff's limit of differences, the changed lines become one edit from the first
    /// change to the last, still exact.
    @Test func manyChangesBecomeOneEditOverTheChangedLines() throws {
        var lines: [String] = ["Intro 😀."]
        for index in 0..<600 { lines += ["", "Title: Paper \(index) 中文", "Link: https://example.org/\(index)", "Date: 1 May. 2020"] }
        lines.append("")
        let client = try editorClient(utf8: true)
        client.open(uri, lines.joined(separator: "\n"))
        _ = try client.diagnostics(uri)
        let edits = try client.call(
            "textDocument/formatting", .object([("textDocument", .object([("uri", .string(uri))])), ("options", .object([]))]))
        let firstDate = 4
        let lastDate = 4 + 599 * 4
        let fixed = lines[firstDate...lastDate].map { $0 == "Date: 1 May. 2020" ? "Date: 1 May 2020" : $0 }.joined(separator: "\n") + "\n"
        #expect(
            edits == .array([.object([("range", range(position(firstDate, 0), position(lastDate + 1, 0))), ("newText", .string(fixed))])]))
        client.finish()
    }
}
