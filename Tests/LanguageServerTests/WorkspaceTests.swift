import Foundation
import JSONRPC
import LanguageServer
import NoteLint
import TestSupport
import Testing

/// The notes of the workspace folders: findings for unopened notes (pushed with
/// `$/progress`, or pulled with `workspace/diagnostic`), duplicates across notes with
/// `entry-duplicate`'s `scope: workspace`, and workspace symbols.
@Suite struct WorkspaceTests {
    /// A folder of notes: `a.md`, `notes/b.md` (its entry has a.md's arXiv paper), and
    /// files that are not notes of the workspace (hidden, not Markdown).
    static func workspace(scope: String? = "workspace") throws -> TemporaryFolder {
        let folder = try TemporaryFolder(prefix: "notelint-workspace")
        try folder.write("a.md", "Title: RoFormer 😀\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n")
        try folder.write("notes/b.md", "Intro 中文.\n\nTitle: Rotary\nLink: https://arxiv.org/pdf/2104.09864v2\nDate: 20 Apr 2021\n")
        try folder.write(".hidden/c.md", "Title: RoFormer 😀\nLink: https://arxiv.org/abs/2104.09864\n")
        try folder.write("readme.txt", "Title: RoFormer 😀\n")
        if let scope { try folder.write(".notelint.yml", "version: 1\nrules:\n  entry-duplicate:\n    scope: \(scope)\n") }
        return folder
    }

    private func start(
        _ folder: TemporaryFolder, utf8: Bool = false, progress: Bool = false, pull: Bool = false,
        progressAnswer: TestClient.ProgressAnswer = .accept, environment: [String: String] = [:]
    ) throws -> TestClient {
        try startAndInitialize(folder, utf8: utf8, progress: progress, pull: pull, progressAnswer: progressAnswer, environment: environment)
            .client
    }

    /// The client, and the server's answer to `initialize`.
    private func startAndInitialize(
        _ folder: TemporaryFolder, utf8: Bool = false, progress: Bool = false, pull: Bool = false,
        progressAnswer: TestClient.ProgressAnswer = .accept,
        environment: [String: String] = [:]
    ) throws -> (client: TestClient, initialized: JSON) {
        let client = TestClient(environment: environment)
        client.progressAnswer = progressAnswer
        var capabilities: [(String, JSON)] = [("window", .object([("workDoneProgress", .bool(progress))]))]
        if utf8 { capabilities.append(("general", .object([("positionEncodings", .array([.string("utf-8")]))]))) }
        if pull { capabilities.append(("textDocument", .object([("diagnostic", .object([("dynamicRegistration", .bool(false))]))]))) }
        let initialized = try client.call(
            "initialize",
            .object([
                ("processId", .null), ("rootUri", .string(DocumentURI.fileURI(folder.url.path))), ("capabilities", .object(capabilities)),
                (
                    "workspaceFolders",
                    .array([.object([("uri", .string(DocumentURI.fileURI(folder.url.path))), ("name", .string("notes"))])])
                ),
            ]))
        client.notify("initialized", .object([]))
        return (client, initialized)
    }

    private func published(_ client: TestClient, _ uri: String) throws -> [JSON] {
        let message = try client.take("diagnostics for \(uri)", within: 10) {
            $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri
        }
        return message["params"]?["diagnostics"]?.array ?? []
    }

    private func progress(_ client: TestClient, _ kind: String) throws -> JSON {
        let message = try client.take("$/progress \(kind)", within: 10) {
            $0["method"]?.string == "$/progress" && $0["params"]?["value"]?["kind"]?.string == kind
        }
        return message["params"] ?? .null
    }

    /// Consumes the other `count` progress messages of a run whose end was taken (the token's
    /// creation, its begin and reports).
    private func progressRest(_ client: TestClient, _ count: Int) throws {
        for _ in 0..<count {
            _ = try client.take("progress") {
                $0["method"]?.string == "$/progress" || $0["method"]?.string == "window/workDoneProgress/create"
            }
        }
    }

    /// A client of `folder` (no workspace scope) once the server checked its notes; after the
    /// progress ends, the server has queued its lint of the open notes (none), which the drain
    /// waits for.
    private func startAndCheckTheFolder(_ folder: TemporaryFolder) throws -> TestClient {
        let client = try start(folder, progress: true)
        #expect(try published(client, folder.uri("a.md")) == [])
        #expect(try published(client, folder.uri("notes/b.md")).map { $0["code"]?.string } == ["link-arxiv-form"])
        _ = try progress(client, "end")
        try progressRest(client, 3)
        client.server.drain()
        return client
    }

    @Test func unopenedNotesAreCheckedInTheBackgroundWithProgress() throws {
        let folder = try Self.workspace()
        let client = try start(folder, progress: true)
        let create = try client.take("workDoneProgress/create") { $0["method"]?.string == "window/workDoneProgress/create" }
        let token = try #require(create["params"]?["token"]?.string)
        #expect(create["id"] != nil)
        let begin = try progress(client, "begin")
        #expect(begin["token"]?.string == token)
        #expect(begin["value"]?["title"]?.string == "notelint: checking the workspace")
        let report = try progress(client, "report")
        #expect(report["value"]?["message"]?.string == "1/2 notes")
        #expect(report["value"]?["percentage"]?.int == 50)
        #expect(try published(client, folder.uri("a.md")) == [])
        let b = try published(client, folder.uri("notes/b.md"))
        #expect(b.map { $0["code"]?.string } == ["entry-duplicate", "link-arxiv-form"])
        #expect(b[0]["message"]?.string == "duplicate entry: same link as the entry on line 2 of a.md")
        #expect(b[0]["range"] == range(position(3, 6), position(3, 40)))
        #expect(try progress(client, "end")["value"]?["message"]?.string == "2 notes checked")
        client.finish()
    }

    @Test func excludedNotesAreLeftOutAsTheCheckCommandLeavesThemOut() throws {
        let folder = try Self.workspace(scope: nil)
        try folder.write("drafts/d.md", "Title:\nLink:\n")
        try folder.write("node_modules/m.md", "Title: M\nLink: https://example.org/m\nDate: 20 Apr 2021\n")
        try folder.write(".notelint.yml", "version: 1\nexclude: [drafts/**]\n")
        let client = try start(folder, progress: true)
        #expect(try published(client, folder.uri("a.md")) == [])
        #expect(try published(client, folder.uri("node_modules/m.md")) == [])
        #expect(try published(client, folder.uri("notes/b.md")).map { $0["code"]?.string } == ["link-arxiv-form"])
        #expect(try progress(client, "end")["value"]?["message"]?.string == "3 notes checked")
        try progressRest(client, 4)
        client.server.drain()
        // Closing an excluded note publishes nothing for it from disk.
        client.open(folder.uri("drafts/d.md"), "Title: D\n")
        _ = try client.diagnostics(folder.uri("drafts/d.md"))
        client.notify("textDocument/didClose", .object([("textDocument", .object([("uri", .string(folder.uri("drafts/d.md")))]))]))
        #expect(try published(client, folder.uri("drafts/d.md")) == [])
        client.finish()
    }

    /// A note changed on disk that git ignores is left out, as the first discovery left it out.
    @Test func aChangedNoteThatGitIgnoresIsNotChecked() throws {
        let folder = try Self.workspace(scope: nil)
        try folder.git("init", "-q")
        try folder.write(".gitignore", "build/\n")
        try folder.write("build/out.md", "Title:\nLink:\n")
        let client = try start(folder)
        #expect(try published(client, folder.uri("a.md")) == [])
        #expect(try published(client, folder.uri("notes/b.md")).map { $0["code"]?.string } == ["link-arxiv-form"])
        client.server.drain()
        try folder.write("build/out.md", "Title:\nLink:\n\nTitle:\n")
        try folder.write("notes/b.md", "Title: Rotary\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n")
        client.notify(
            "workspace/didChangeWatchedFiles",
            .object([
                (
                    "changes",
                    .array([
                        .object([("uri", .string(folder.uri("build/out.md"))), ("type", .int(2))]),
                        .object([("uri", .string(folder.uri("notes/b.md"))), ("type", .int(2))]),
                    ])
                )
            ]))
        // The ignored note comes first: had it been checked, its findings would be published first.
        #expect(try published(client, folder.uri("notes/b.md")) == [])
        client.server.drain()
        client.finish()
    }

    /// A configuration that starts excluding a note clears the findings shown for it.
    @Test func aNoteNewlyExcludedLosesItsFindings() throws {
        let folder = try Self.workspace(scope: nil)
        let client = try start(folder)
        #expect(try published(client, folder.uri("a.md")) == [])
        #expect(try published(client, folder.uri("notes/b.md")).map { $0["code"]?.string } == ["link-arxiv-form"])
        client.server.drain()
        try folder.write(".notelint.yml", "version: 1\nexclude: [notes/**]\n")
        client.notify(
            "workspace/didChangeWatchedFiles",
            .object([
                (
                    "changes",
                    .array([
                        .object([("uri", .string(folder.uri(".notelint.yml"))), ("type", .int(2))])
                    ])
                )
            ]))
        #expect(try published(client, folder.uri("notes/b.md")) == [])
        #expect(try published(client, folder.uri("a.md")) == [])
        client.finish()
    }

    @Test func includeKeepsOnlyTheMatchingNotes() throws {
        let folder = try Self.workspace(scope: nil)
        try folder.write(".notelint.yml", "version: 1\ninclude: [notes/**]\n")
        let client = try start(folder, pull: true)
        let items = try client.call("workspace/diagnostic", .object([("previousResultIds", .array([]))]))["items"]?.array ?? []
        #expect(items.compactMap { $0["uri"]?.string } == [folder.uri("notes/b.md")])
        client.finish()
    }

    @Test func pastTheLimitTheFirstNotesAreCheckedAndTheUserIsTold() throws {
        let folder = try Self.workspace(scope: nil)
        let client = try start(folder, environment: ["NOTELINT_WORKSPACE_LIMIT": "1"])
        let shown = try client.take("showMessage") { $0["method"]?.string == "window/showMessage" }
        #expect(shown["params"]?["message"]?.string == "notelint: the workspace holds 2 notes; only the first 1 in path order are checked")
        #expect(shown["params"]?["type"]?.int == 2)
        #expect(try published(client, folder.uri("a.md")) == [])
        client.finish()
    }

    private func filesChanged(_ client: TestClient, _ folder: TemporaryFolder, _ changes: [(String, Int)]) {
        client.notify(
            "workspace/didChangeWatchedFiles",
            .object([
                (
                    "changes",
                    .array(
                        changes.map {
                            .object([("uri", .string(folder.uri($0.0))), ("type", .int($0.1))])
                        })
                )
            ]))
    }

    @Test func notesChangedOnDiskAreCheckedAgainAndDeletedOnesCleared() throws {
        let folder = try Self.workspace(scope: nil)
        let client = try startAndCheckTheFolder(folder)
        let open = "Title: Open\nLink: https://example.org/open\nDate: 20 Apr 2021\n"
        client.open(folder.uri("open.md"), open)
        _ = try client.diagnostics(folder.uri("open.md"))

        try folder.write("a.md", "Title: RoFormer 😀\nLink: https://arxiv.org/pdf/2104.09864\nDate: 20 Apr 2021\n")
        try folder.write("c.md", "Title:\nLink: https://example.org/c\nDate: 20 Apr 2021\n")
        try folder.write(".hidden/c.md", "Title:\n")
        try folder.write("open.md", "Title:\n")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("notes/b.md"))
        filesChanged(client, folder, [("a.md", 2), ("c.md", 1), ("notes/b.md", 3), (".hidden/c.md", 1), ("open.md", 2)])
        #expect(try published(client, folder.uri("notes/b.md")) == [])
        #expect(try published(client, folder.uri("a.md")).map { $0["code"]?.string } == ["link-arxiv-form"])
        #expect(try published(client, folder.uri("c.md")).map { $0["code"]?.string } == ["entry-empty-field"])
        // Nothing for the hidden note, nor for the open one (the editor's text stands).
        client.finish()
    }

    @Test func aNoteChangedOnDiskChangesTheOthersWhenEntriesAreCompared() throws {
        let folder = try Self.workspace()
        let client = try start(folder)
        _ = try published(client, folder.uri("a.md"))
        #expect(try published(client, folder.uri("notes/b.md")).map { $0["code"]?.string } == ["entry-duplicate", "link-arxiv-form"])
        client.server.drain()
        try folder.write("a.md", "Title: Other\nLink: https://example.org/other\nDate: 20 Apr 2021\n")
        filesChanged(client, folder, [("a.md", 2)])
        #expect(try published(client, folder.uri("a.md")) == [])
        #expect(try published(client, folder.uri("notes/b.md")).map { $0["code"]?.string } == ["link-arxiv-form"])
        client.finish()
    }

    @Test func progressBeginsOnlyOnceTheClientAcceptedTheToken() throws {
        let folder = try Self.workspace()
        let client = try start(folder, progress: true, progressAnswer: .none)
        let create = try client.take("workDoneProgress/create") { $0["method"]?.string == "window/workDoneProgress/create" }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(client.unread.isEmpty, "the server went on before the client answered")
        client.server.handle(.response(id: RequestID(create["id"]!), result: .null, error: nil))
        #expect(try progress(client, "begin")["token"] == create["params"]?["token"])
        _ = try progress(client, "report")
        _ = try published(client, folder.uri("a.md"))
        _ = try published(client, folder.uri("notes/b.md"))
        _ = try progress(client, "end")
        client.finish()
    }

    @Test func aClientThatRefusesTheTokenGetsFindingsWithoutProgress() throws {
        let folder = try Self.workspace()
        let client = try start(folder, progress: true, progressAnswer: .refuse)
        _ = try client.take("workDoneProgress/create") { $0["method"]?.string == "window/workDoneProgress/create" }
        #expect(try published(client, folder.uri("a.md")) == [])
        #expect(try published(client, folder.uri("notes/b.md")).map { $0["code"]?.string } == ["entry-duplicate", "link-arxiv-form"])
        client.server.drain()
        Thread.sleep(forTimeInterval: 0.2)
        #expect(!client.unread.contains { $0["method"]?.string == "$/progress" })
        client.finish()
    }

    @Test(arguments: [false, true]) func anOpenNoteIsComparedWithTheOthers(utf8: Bool) throws {
        let folder = try Self.workspace()
        let client = try start(folder, utf8: utf8, progress: true)
        _ = try client.take("workDoneProgress/create") { $0["method"]?.string == "window/workDoneProgress/create" }
        _ = try progress(client, "begin")
        _ = try progress(client, "report")
        _ = try published(client, folder.uri("a.md"))
        _ = try published(client, folder.uri("notes/b.md"))
        // After the end, the server has queued its lint of open notes (none): nothing else comes.
        _ = try progress(client, "end")
        client.server.drain()
        // The editor's text, not the file's: a title that a.md has, with no link of its own, after CJK text.
        let uri = folder.uri("notes/b.md")
        let text = "Intro 中文.\n\nTitle: RoFormer 😀\nDate: 20 Apr 2021\n"
        client.open(uri, text)
        let found = try client.diagnostics(uri, version: 1)
        #expect(found.map { $0["code"]?.string } == ["entry-duplicate"])
        #expect(found.first?["message"]?.string == "duplicate entry: same title as the entry on line 1 of a.md")
        #expect(found.first?["range"] == spanRange(text, "RoFormer 😀", utf8: utf8))
        // Closed, the note is shown with the findings of its saved text again.
        client.notify("textDocument/didClose", .object([("textDocument", .object([("uri", .string(uri))]))]))
        #expect(try published(client, uri) == [])
        #expect(try published(client, uri).map { $0["code"]?.string } == ["entry-duplicate", "link-arxiv-form"])
        client.finish()
    }

    @Test func withoutTheWorkspaceScopeNotesAreComparedAlone() throws {
        let folder = try Self.workspace(scope: nil)
        let client = try startAndCheckTheFolder(folder)
        // Saving a note changes no other note's findings: nothing is checked again.
        client.open(folder.uri("a.md"), "Title: Other\nLink: https://example.org/other\nDate: 20 Apr 2021\n")
        _ = try client.diagnostics(folder.uri("a.md"))
        client.notify("textDocument/didSave", .object([("textDocument", .object([("uri", .string(folder.uri("a.md")))]))]))
        client.finish()
    }

    @Test func savingANoteChecksTheOthersAgainWhenEntriesAreCompared() throws {
        let folder = try Self.workspace()
        let client = try start(folder, progress: true)
        _ = try progress(client, "end")
        _ = try published(client, folder.uri("a.md"))
        #expect(try published(client, folder.uri("notes/b.md")).map { $0["code"]?.string } == ["entry-duplicate", "link-arxiv-form"])
        try progressRest(client, 3)
        client.server.drain()

        // a.md now holds another paper: once saved, b.md's entry is no longer a duplicate.
        let text = "Title: Other\nLink: https://example.org/other\nDate: 20 Apr 2021\n"
        client.open(folder.uri("a.md"), text)
        _ = try client.diagnostics(folder.uri("a.md"), version: 1)
        try folder.write("a.md", text)
        client.notify("textDocument/didSave", .object([("textDocument", .object([("uri", .string(folder.uri("a.md")))]))]))
        #expect(try published(client, folder.uri("notes/b.md")).map { $0["code"]?.string } == ["link-arxiv-form"])
        _ = try progress(client, "end")
        // The open a.md is linted again too (it is never published as an unopened note).
        _ = try client.diagnostics(folder.uri("a.md"), version: 1)
        try progressRest(client, 3)
        client.finish()
    }

    /// Pull clients are told that one note's findings depend on others' exactly when a
    /// workspace folder's configuration compares entries across notes.
    @Test func interFileDependenciesFollowTheEntryDuplicateScope() throws {
        for (scope, dependent) in [("workspace", true), ("note", false)] {
            let folder = try Self.workspace(scope: scope)
            let (client, initialized) = try startAndInitialize(folder, pull: true)
            #expect(initialized["capabilities"]?["diagnosticProvider"]?["interFileDependencies"] == .bool(dependent), "scope: \(scope)")
            client.finish()
        }
    }

    @Test func pullClientsAskForTheWorkspace() throws {
        let folder = try Self.workspace(scope: nil)
        let client = try start(folder, pull: true)
        client.open(
            folder.uri("a.md"),
            "Title: RoFormer 😀\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr. 2021\n\n"
                + "Title: Another\nLink: https://example.org/another\nDate: 8 Jun 2021\n", version: 3)
        let first = try client.call("workspace/diagnostic", .object([("previousResultIds", .array([]))]))
        let reports = first["items"]?.array ?? []
        #expect(reports.map { $0["uri"]?.string } == [folder.uri("a.md"), folder.uri("notes/b.md")])
        #expect(reports.map { $0["kind"]?.string } == ["full", "full"])
        #expect(reports.map { $0["version"] } == [.int(3), .null])
        #expect(reports[0]["items"]?.array?.map { $0["code"]?.string } == ["date-format"])
        #expect(reports[1]["items"]?.array?.map { $0["code"]?.string } == ["link-arxiv-form"])
        let previous = JSON.array(reports.map { .object([("uri", $0["uri"]!), ("value", $0["resultId"]!)]) })
        let second = try client.call("workspace/diagnostic", .object([("previousResultIds", previous)]))
        #expect(second["items"]?.array?.map { $0["kind"]?.string } == ["unchanged", "unchanged"])
        client.finish()
    }

    @Test func workspaceSymbolsFindEntriesByTitleOrArxivIdentifier() throws {
        let folder = try Self.workspace()
        let client = try start(folder)
        _ = try published(client, folder.uri("a.md"))
        _ = try published(client, folder.uri("notes/b.md"))
        let byID = try client.call("workspace/symbol", .object([("query", .string("2104.09864"))]))
        #expect(
            byID
                == .array([
                    .object([
                        ("name", .string("RoFormer 😀")), ("kind", .int(19)),
                        ("location", location(folder.uri("a.md"), position(0, 0), position(2, 17))),
                        ("containerName", .string("a.md")),
                    ]),
                    .object([
                        ("name", .string("Rotary")), ("kind", .int(19)),
                        ("location", location(folder.uri("notes/b.md"), position(2, 0), position(4, 17))),
                        ("containerName", .string("notes/b.md")),
                    ]),
                ]))
        let byTitle = try client.call("workspace/symbol", .object([("query", .string("ROTA"))]))
        #expect(byTitle.array?.map { $0["name"]?.string } == ["Rotary"])
        #expect(try client.call("workspace/symbol", .object([("query", .string("nothing like it"))])) == .array([]))
        client.finish()
    }

    /// A query reads only the notes that changed on disk since the last one.
    @Test func workspaceSymbolsReadOnlyChangedNotes() throws {
        let folder = try Self.workspace()
        let client = try start(folder)
        _ = try published(client, folder.uri("a.md"))
        _ = try published(client, folder.uri("notes/b.md"))
        let names = { (query: String) in
            try client.call("workspace/symbol", .object([("query", .string(query))])).array?.compactMap { $0["name"]?.string } ?? []
        }
        #expect(try names("") == ["RoFormer 😀", "Rotary"])
        #expect(client.server.workspaceSymbolReads == 2)
        #expect(try names("rot") == ["Rotary"])
        #expect(client.server.workspaceSymbolReads == 2)
        try folder.write("a.md", "Title: Longformer\nLink: https://arxiv.org/abs/2004.05150\nDate: 10 Apr 2020\n")
        #expect(try names("2004.05150") == ["Longformer"])
        #expect(client.server.workspaceSymbolReads == 3)
        client.finish()
    }
}

extension TemporaryFolder {
    /// The `file:` URI of `relative` in this folder, as an editor sends it.
    func uri(_ relative: String) -> String { DocumentURI.fileURI(url(relative).standardizedFileURL.path) }
}
