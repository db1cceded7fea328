import Foundation
import JSONRPC
import Testing

/// The editor changes the configuration only as the command line does: a configuration file,
/// `select`, `ignore` and `configOverride`.
@Suite struct EditorSettingsTests {
    @Test func theEditorPassesTheCommandLinesSettings() throws {
        let uri = "file:///tmp/notelint-elsewhere/settings.md"
        let text = "Title:\nLink:\n\nTitle: B\nLink: https://example.org\nDate: 31 Feb 2021\n"
        func rules(_ options: JSON) throws -> [String] {
            let client = TestClient()
            defer { client.finish() }
            _ = try client.initialize(options: .object([("notelint", options)]))
            client.open(uri, text)
            return try client.diagnostics(uri).compactMap { $0["code"]?.string }.sorted()
        }
        #expect(try rules(.object([])) == ["date-invalid", "entry-blank"])
        #expect(try rules(.object([("ignore", .array([.string("entry-blank")]))])) == ["date-invalid"])
        #expect(try rules(.object([("select", .string("entry-blank"))])) == ["entry-blank"])
        #expect(try rules(.object([("configOverride", .array([.string("rules.date-invalid=off")]))])) == ["entry-blank"])
    }

    @Test func anInvalidSettingIsReportedAndTheDefaultsStay() throws {
        let client = TestClient()
        defer { client.finish() }
        _ = try client.initialize(options: .object([("notelint", .object([("ignore", .array([.string("no-such-rule")]))]))]))
        let uri = "file:///tmp/notelint-elsewhere/invalid.md"
        client.open(uri, "Title:\nLink:\n")
        #expect(try client.diagnostics(uri).compactMap { $0["code"]?.string } == ["entry-blank"])
        let shown = try client.take("the error shown") { $0["method"]?.string == "window/showMessage" }
        #expect(shown["params"]?["message"]?.string?.contains("unknown rule `no-such-rule`") == true)
    }
}
