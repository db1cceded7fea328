import JSONRPC
import LanguageServer

/// Starts a client that negotiates UTF-8 positions when `utf8`, UTF-16 otherwise, and
/// asks for the editor features' optional shapes (prepareRename, nested symbols).
func editorClient(utf8: Bool, options: JSON? = nil, capabilities extra: [(String, JSON)] = []) throws -> TestClient {
    let client = TestClient()
    var capabilities: [(String, JSON)] = [
        ("textDocument", .object([
            ("rename", .object([("prepareSupport", .bool(true))])),
            ("documentSymbol", .object([("hierarchicalDocumentSymbolSupport", .bool(true))])),
            ("completion", .object([("completionItem", .object([("insertReplaceSupport", .bool(true))]))])),
        ])),
    ]
    if utf8 { capabilities.append(("general", .object([("positionEncodings", .array([.string("utf-8"), .string("utf-16")]))]))) }
    capabilities += extra
    let result = try client.initialize(.object(capabilities), options: options)
    precondition(result["capabilities"]?["positionEncoding"]?.string == (utf8 ? "utf-8" : "utf-16"))
    return client
}

func textDocumentPosition(_ uri: String, _ position: JSON, _ extra: [(String, JSON)] = []) -> JSON {
    .object([("textDocument", .object([("uri", .string(uri))])), ("position", position)] + extra)
}

func location(_ uri: String, _ start: JSON, _ end: JSON) -> JSON {
    .object([("uri", .string(uri)), ("range", range(start, end))])
}
