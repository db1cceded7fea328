// Compares the server's hand-written JSON layer (JSONRPC's parser and writer, read through
// typed params) with Foundation's Codable (JSONDecoder, JSONEncoder) on the messages that
// matter for speed: a keystroke's didChange, a large note's didOpen, and a publishDiagnostics
// with many findings. Prints the best time of several runs for each, and the ratio.
//
//     swift run -c release protocol-codec-bench
import Foundation
import JSONRPC

struct Position: Codable {
    let line: Int
    let character: Int
}
struct Range: Codable {
    let start: Position
    let end: Position
}
struct Identifier: Codable {
    let uri: String
    let version: Int?
}
struct Item: Codable {
    let uri: String
    let languageId: String?
    let version: Int
    let text: String
}
struct Change: Codable {
    let range: Range?
    let text: String
}
struct DidChange: Codable {
    let textDocument: Identifier
    let contentChanges: [Change]
}
struct DidOpen: Codable { let textDocument: Item }
struct Message<Params: Codable>: Codable {
    let jsonrpc: String
    let method: String
    let params: Params
}
struct Diagnostic: Codable {
    let range: Range
    let severity: Int
    let code: String
    let source: String
    let message: String
}
struct Publish: Codable {
    let uri: String
    let version: Int
    let diagnostics: [Diagnostic]
}

/// Reads the members the server reads, as its typed params do.
func readChange(_ json: JSON) -> Int {
    guard let params = json["params"], let document = params["textDocument"], let uri = document["uri"]?.string,
        let changes = params["contentChanges"]?.array
    else { fatalError("bad message") }
    var total = uri.utf8.count + (document["version"]?.int ?? 0)
    for change in changes {
        total += change["text"]?.string?.utf8.count ?? 0
        if let range = change["range"] { total += (range["start"]?["line"]?.int ?? 0) + (range["end"]?["character"]?.int ?? 0) }
    }
    return total
}

func position(_ position: Position) -> JSON { .object([("line", .int(position.line)), ("character", .int(position.character))]) }

/// The best of `runs` timings of `body`, in seconds.
func best(_ runs: Int = 7, _ body: () -> Int) -> Double {
    var fastest = Double.infinity
    var sink = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        sink &+= body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    if sink == 42 { print("") }
    return fastest
}

func report(_ name: String, handWritten: Double, codable: Double, count: Int) {
    let per = { (seconds: Double) in String(format: "%8.2f µs", seconds / Double(count) * 1e6) }
    print(
        "\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) hand-written \(per(handWritten))   Codable \(per(codable))   Codable/hand-written \(String(format: "%.1fx", codable / handWritten))"
    )
}

let keystroke = Message(
    jsonrpc: "2.0", method: "textDocument/didChange",
    params: DidChange(
        textDocument: Identifier(uri: "file:///home/reader/notes/2026/reading-list.md", version: 412),
        contentChanges: [
            Change(range: Range(start: Position(line: 1200, character: 17), end: Position(line: 1200, character: 17)), text: "a")
        ]))
let keystrokeData = try JSONEncoder().encode(keystroke)
let keystrokes = 20_000
report(
    "didChange of one keystroke (x\(keystrokes))",
    handWritten: best { (0..<keystrokes).reduce(0) { total, _ in total &+ readChange(try! JSON.parse(keystrokeData)) } },
    codable: best {
        (0..<keystrokes).reduce(0) { total, _ in
            let message = try! JSONDecoder().decode(Message<DidChange>.self, from: keystrokeData)
            return total &+ message.params.contentChanges.count &+ message.params.textDocument.uri.utf8.count
        }
    },
    count: keystrokes)

let note = String(
    repeating: "Title: A paper about \"quotes\" and tabs\t\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n\n", count: 12_000)
let openData = try JSONEncoder().encode(
    Message(
        jsonrpc: "2.0", method: "textDocument/didOpen",
        params: DidOpen(
            textDocument: Item(uri: "file:///home/reader/notes/big.md", languageId: "markdown", version: 1, text: note))))
report(
    "didOpen of a \(openData.count / 1_000_000) MB note",
    handWritten: best { (try! JSON.parse(openData))["params"]?["textDocument"]?["text"]?.string?.utf8.count ?? 0 },
    codable: best { (try! JSONDecoder().decode(Message<DidOpen>.self, from: openData)).params.textDocument.text.utf8.count },
    count: 1)

let findings = (0..<2_000).map { index in
    Diagnostic(
        range: Range(start: Position(line: index * 4, character: 7), end: Position(line: index * 4, character: 19)), severity: 2,
        code: "date-format", source: "notelint", message: "date `20 Apr. 2021` differs from the note's date style: `20 Apr 2021`")
}
let publish = Publish(uri: "file:///home/reader/notes/big.md", version: 7, diagnostics: findings)
report(
    "publishDiagnostics of \(findings.count) findings",
    handWritten: best {
        JSON.object([
            ("jsonrpc", .string("2.0")), ("method", .string("textDocument/publishDiagnostics")),
            (
                "params",
                .object([
                    ("uri", .string(publish.uri)), ("version", .int(publish.version)),
                    (
                        "diagnostics",
                        .array(
                            publish.diagnostics.map { diagnostic in
                                .object([
                                    (
                                        "range",
                                        .object([("start", position(diagnostic.range.start)), ("end", position(diagnostic.range.end))])
                                    ),
                                    ("severity", .int(diagnostic.severity)), ("code", .string(diagnostic.code)),
                                    ("source", .string(diagnostic.source)), ("message", .string(diagnostic.message)),
                                ])
                            })
                    ),
                ])
            ),
        ]).serialized().utf8.count
    },
    codable: best { try! JSONEncoder().encode(Message(jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: publish)).count },
    count: 1)
