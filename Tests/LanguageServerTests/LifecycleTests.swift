import Foundation
import JSONRPC
import LanguageServer
import Testing

@Suite struct LifecycleTests {
    @Test func requestsBeforeInitializeAreRefusedAndNotificationsIgnored() throws {
        let client = TestClient()
        client.open("file:///tmp/a.md", "Title:\nLink:\n")
        #expect(try client.errorCode(of: client.request("textDocument/codeAction", .object([]))) == ErrorCode.serverNotInitialized)
        _ = try client.initialize()
        client.finish()
    }

    @Test func unknownRequestsAndBadParams() throws {
        let client = TestClient()
        _ = try client.initialize()
        #expect(try client.errorCode(of: client.request("notelint/nothing")) == ErrorCode.methodNotFound)
        #expect(try client.errorCode(of: client.request("textDocument/codeAction", .object([]))) == ErrorCode.invalidParams)
        #expect(try client.errorCode(of: client.request("textDocument/diagnostic", .string("x"))) == ErrorCode.invalidParams)
        client.notify("notelint/unknownNotification", .object([]))
        #expect(
            try client.errorCode(of: client.request("initialize", .object([("capabilities", .object([]))]))) == ErrorCode.invalidRequest)
        client.finish()
    }

    @Test func shutdownThenExitEndsWithZero() throws {
        let client = TestClient()
        _ = try client.initialize()
        #expect(try client.call("shutdown") == .null)
        #expect(try client.errorCode(of: client.request("textDocument/diagnostic", .object([]))) == ErrorCode.invalidRequest)
        client.notify("exit")
        client.server.drain()
        #expect(client.exited == 0)
        client.finish()
    }

    @Test func exitWithoutShutdownEndsWithOne() throws {
        let client = TestClient()
        _ = try client.initialize()
        client.notify("exit")
        client.server.drain()
        #expect(client.exited == 1)
        #expect(client.server.exitStatusAtEndOfInput() == 1)
        client.finish()
    }

    @Test func initializeAnnouncesWhatTheServerDoes() throws {
        let client = TestClient()
        let result = try client.initialize()
        let capabilities = try #require(result["capabilities"])
        #expect(capabilities["positionEncoding"]?.string == "utf-16")
        #expect(capabilities["textDocumentSync"]?["change"]?.int == 2)
        #expect(
            capabilities["codeActionProvider"]?["codeActionKinds"]
                == .array([.string("quickfix"), .string("source.fixAll.notelint"), .string("refactor.rewrite")]))
        #expect(capabilities["diagnosticProvider"] == nil)
        #expect(result["serverInfo"]?["name"]?.string == "notelint")
        client.finish()
    }

    @Test func aCancelledRequestIsAnsweredOnceWithRequestCancelled() throws {
        let client = TestClient(environment: ["NOTELINT_LSP_TEST_DELAY": "textDocument/codeAction:2000"])
        _ = try client.initialize()
        let uri = "file:///tmp/slow.md"
        client.open(uri, "Title: A\nLink: https://example.org\nDate: 2020\n---\n")
        #expect(try client.diagnostics(uri).count == 1)
        let slow = client.request(
            "textDocument/codeAction",
            .object([
                ("textDocument", .object([("uri", .string(uri))])), ("range", range(position(0, 0), position(0, 0))),
                ("context", .object([("diagnostics", .array([]))])),
            ]))
        // Typing goes on while the request is pending.
        client.change(uri, version: 2, [.object([("range", range(position(3, 0), position(3, 0))), ("text", .string("\n"))])])
        #expect(try client.diagnostics(uri, version: 2).isEmpty)
        client.notify("$/cancelRequest", .object([("id", slow.json)]))
        #expect(try client.errorCode(of: slow) == ErrorCode.requestCancelled)
        // The handler finishes later and must not answer a second time.
        Thread.sleep(forTimeInterval: 2.2)
        client.finish()
    }
}
