import JSONRPC

/// What an arXiv code action carries in `data` from the moment it is offered until the
/// client asks to resolve it: the entry it is about and what to do there.
struct ArxivActionData: ProtocolDecodable, ProtocolEncodable {
    enum Action: Equatable {
        /// Fill the entry from the paper `id`; `overwrite` replaces fields that differ.
        case fill(id: String, overwrite: Bool)
        /// Search arXiv for `title`.
        case find(title: String)
        /// Link the entry titled `title` to the candidate `id` a search found.
        case link(id: String, title: String)
    }

    static let marker = "arxiv"

    let uri: String
    let version: Int
    /// The zero-based line where the entry starts.
    let line: Int
    let action: Action

    init(uri: String, version: Int, line: Int, action: Action) {
        self.uri = uri
        self.version = version
        self.line = line
        self.action = action
    }

    init(decoding json: JSON, at path: String) throws(InvalidParams) {
        let object = try ProtocolObject(json, at: path)
        guard try object.required("notelint", as: String.self) == Self.marker else {
            throw InvalidParams("\(path).notelint", "expected \"\(Self.marker)\"")
        }
        uri = try object.required("uri")
        version = try object.required("version")
        line = try object.required("line")
        switch try object.required("action", as: String.self) {
        case "fill": action = .fill(id: try object.required("id"), overwrite: try object.optional("overwrite") ?? false)
        case "find": action = .find(title: try object.required("title"))
        case "link": action = .link(id: try object.required("id"), title: try object.required("title"))
        default: throw InvalidParams("\(path).action", "expected fill, find or link")
        }
    }

    var json: JSON {
        var members: [(String, JSON)] = [
            ("notelint", .string(Self.marker)), ("uri", .string(uri)), ("version", .int(version)), ("line", .int(line)),
        ]
        switch action {
        case .fill(let id, let overwrite): members += [("action", .string("fill")), ("id", .string(id)), ("overwrite", .bool(overwrite))]
        case .find(let title): members += [("action", .string("find")), ("title", .string(title))]
        case .link(let id, let title): members += [("action", .string("link")), ("id", .string(id)), ("title", .string(title))]
        }
        return .object(members)
    }
}
