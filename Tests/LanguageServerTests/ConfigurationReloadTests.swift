import Foundation
import JSONRPC
import LanguageServer
import TestSupport
import Testing

@Suite struct ConfigurationReloadTests {
    let temporary: TemporaryFolder

    init() throws { temporary = try TemporaryFolder(prefix: "notelint-lsp") }

    @Test func configurationIsReloadedAndAnInvalidOneKeepsTheLastGood() throws {
        let folder = temporary.url
        let config = folder.appendingPathComponent(".notelint.yml")
        try "version: 1\nrules:\n  entry-blank: off\n".write(to: config, atomically: true, encoding: .utf8)
        let uri = "file://" + folder.appendingPathComponent("note.md").path

        let client = TestClient()
        _ = try client.initialize(
            .object([("workspace", .object([("didChangeWatchedFiles", .object([("dynamicRegistration", .bool(true))]))]))]))
        let registration = try client.take("registration") { $0["method"]?.string == "client/registerCapability" }
        let watchers = registration["params"]?["registrations"]?[0]?["registerOptions"]?["watchers"]?.array ?? []
        #expect(watchers.compactMap { $0["globPattern"]?.string } == ["**/.notelint.yml", "**/*.md", "**/*.markdown"])
        client.open(uri, "Title:\nLink:\n")
        #expect(try client.diagnostics(uri).isEmpty)

        try "version: 1\nrules:\n  entry-blank: error\n".write(to: config, atomically: true, encoding: .utf8)
        client.notify(
            "workspace/didChangeWatchedFiles",
            .object([("changes", .array([.object([("uri", .string("file://" + config.path)), ("type", .int(2))])]))]))
        #expect(try client.diagnostics(uri).compactMap { $0["severity"]?.int } == [1])

        try "version: 1\nrules:\n  entry-blnk: off\n".write(to: config, atomically: true, encoding: .utf8)
        client.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([]))]))
        let shown = try client.take("showMessage") { $0["method"]?.string == "window/showMessage" }
        #expect(shown["params"]?["type"]?.int == 1)
        #expect(shown["params"]?["message"]?.string?.contains("unknown rule `entry-blnk`; did you mean `entry-blank`?") == true)
        // The last valid configuration (entry-blank: error) stays in force.
        #expect(try client.diagnostics(uri).compactMap { $0["severity"]?.int } == [1])
        client.finish()
    }

    @Test func initializationOptionsNameAConfigurationAndDocsURL() throws {
        let folder = temporary.url
        let config = folder.appendingPathComponent("custom.yml")
        try "version: 1\nrules:\n  entry-blank: info\n".write(to: config, atomically: true, encoding: .utf8)
        let client = TestClient()
        _ = try client.initialize(
            options: .object([
                (
                    "notelint",
                    .object([
                        ("configPath", .string(config.path)), ("docsUrl", .string("https://docs.example/rules/{rule}.html")),
                    ])
                )
            ]))
        let uri = "file:///tmp/notelint-elsewhere/note.md"
        client.open(uri, "Title:\nLink:\n")
        let found = try client.diagnostics(uri)
        #expect(found.compactMap { $0["severity"]?.int } == [3])
        #expect(found.first?["codeDescription"]?["href"]?.string == "https://docs.example/rules/entry-blank.html")
        // Settings that say nothing of notelint keep the ones in force; the note is re-linted.
        client.notify("workspace/didChangeConfiguration", .object([("settings", .object([("notelint", .object([]))]))]))
        #expect(try client.diagnostics(uri).compactMap { $0["severity"]?.int } == [3])
        client.finish()
    }
}
