import JSONRPC
import LanguageServer

/// Starts a client that negotiates UTF-8 positions when `utf8`, UTF-16 otherwise, and
/// asks for the editor features' optional shapes (prepareRename, nested symbols).
func editorClient(utf8: Bool, options: JSON? = nil, capabilities extra: [(String, JSON)] = []) throws -> TestClient {
    let client = TestClient()
    var capabilities: [(String, JSON)] = [
        (
            "textDocument",
            .object([
                ("rename", .object([("prepareSupport", .bool(true))])),
                ("documentSymbol", .object([("hierarchicalDocumentSymbolSupport", .bool(true))])),
                ("completion", .object([("completionItem", .object([("insertReplaceSupport", .bool(true))]))])),
            ])
        )
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

/// The start and end positions of the `occurrence`-th `needle` in `text`, counted
/// independently of the server: columns in UTF-8 bytes or UTF-16 units.
func span(_ text: String, _ needle: String, utf8: Bool, occurrence: Int = 0) -> (start: JSON, end: JSON) {
    var found = 0
    for (number, line) in text.components(separatedBy: "\n").enumerated() {
        var searchFrom = line.startIndex
        while let match = line.range(of: needle, range: searchFrom..<line.endIndex) {
            if found == occurrence {
                func column(_ index: String.Index) -> Int {
                    utf8 ? line[..<index].utf8.count : line[..<index].utf16.count
                }
                return (position(number, column(match.lowerBound)), position(number, column(match.upperBound)))
            }
            found += 1
            searchFrom = match.upperBound
        }
    }
    fatalError("`\(needle)` not found")
}

func spanRange(_ text: String, _ needle: String, utf8: Bool, occurrence: Int = 0) -> JSON {
    let found = span(text, needle, utf8: utf8, occurrence: occurrence)
    return range(found.start, found.end)
}
