import JSONRPC

/// The Language Server Protocol's types that notelint reads or writes, one Swift type each,
/// named as the specification names them.
enum LSP {}

/// A protocol value written into a message.
protocol ProtocolEncodable {
    var json: JSON { get }
}

extension LSP {
    /// A place in a document: a zero-based line and a column in the negotiated encoding.
    struct Position: Hashable, ProtocolDecodable, ProtocolEncodable {
        var line: Int
        var character: Int

        init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            line = try object.required("line")
            character = try object.required("character")
            guard line >= 0 else { throw InvalidParams("\(path).line", "expected 0 or more") }
            guard character >= 0 else { throw InvalidParams("\(path).character", "expected 0 or more") }
        }

        var json: JSON { .object([("line", .int(line)), ("character", .int(character))]) }
    }

    struct Range: Hashable, ProtocolDecodable, ProtocolEncodable {
        var start: Position
        var end: Position

        init(start: Position, end: Position) {
            self.start = start
            self.end = end
        }

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            start = try object.required("start")
            end = try object.required("end")
        }

        var json: JSON { .object([("start", start.json), ("end", end.json)]) }
    }

    struct Location: Hashable, ProtocolEncodable {
        let uri: String
        let range: Range

        var json: JSON { .object([("uri", .string(uri)), ("range", range.json)]) }
    }

    struct TextEdit: ProtocolDecodable, ProtocolEncodable, Hashable {
        let range: Range
        let newText: String

        init(range: Range, newText: String) {
            self.range = range
            self.newText = newText
        }

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            range = try object.required("range")
            newText = try object.required("newText")
        }

        var json: JSON { .object([("range", range.json), ("newText", .string(newText))]) }
    }

    /// Edits to documents: by URI, or (`documentChanges`) naming the version they were
    /// computed for, so the client refuses them if the text moved on.
    struct WorkspaceEdit: ProtocolEncodable {
        let uri: String
        let edits: [TextEdit]
        var version: Int? = nil

        var json: JSON {
            let edits = JSON.array(self.edits.map(\.json))
            guard let version else { return .object([("changes", .object([(uri, edits)]))]) }
            return .object([
                (
                    "documentChanges",
                    .array([
                        .object([
                            ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])), ("edits", edits),
                        ])
                    ])
                )
            ])
        }
    }

    struct TextDocumentIdentifier: ProtocolDecodable {
        let uri: String

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            uri = try ProtocolObject(json, at: path).required("uri")
        }
    }

    /// Params that name only a document: symbols, folding, links, formatting.
    struct DocumentParams: ProtocolDecodable {
        let textDocument: TextDocumentIdentifier

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            textDocument = try ProtocolObject(json, at: path).required("textDocument")
        }
    }

    /// Params that name a document and a place in it: definition, hover, completion...
    struct TextDocumentPositionParams: ProtocolDecodable {
        let textDocument: TextDocumentIdentifier
        let position: Position

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            textDocument = try object.required("textDocument")
            position = try object.required("position")
        }
    }

    enum MessageType: Int {
        case error = 1
        case warning = 2
        case info = 3
        case log = 4
    }
}
