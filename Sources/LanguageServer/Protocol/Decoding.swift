import JSONRPC

/// Params that do not have the shape the protocol gives them, answered with `InvalidParams`;
/// the message names the member that is wrong (`params.position.line: expected an integer`).
struct InvalidParams: Error, CustomStringConvertible {
    let description: String

    init(_ path: String, _ problem: String) {
        description = "`\(path)`: \(problem)"
    }
}

/// A protocol value read from what a client sent. `path` names where it was found, for the
/// error when it is not what the protocol says.
protocol ProtocolDecodable: SendableMetatype {
    init(decoding json: JSON, at path: String) throws(InvalidParams)
}

/// The members of one JSON object, read by name. A member that is absent or `null` is
/// missing: `required` fails on it, `optional` gives nil; a member of the wrong type fails
/// either way. Only this layer reads protocol payloads by key.
struct ProtocolObject {
    let json: JSON
    let path: String

    init(_ json: JSON, at path: String) throws(InvalidParams) {
        guard json.isObject else { throw InvalidParams(path, "expected an object") }
        self.json = json
        self.path = path
    }

    func required<Value: ProtocolDecodable>(_ key: String, as type: Value.Type = Value.self) throws(InvalidParams) -> Value {
        guard let member = json[key], !member.isNull else { throw InvalidParams("\(path).\(key)", "missing") }
        return try Value(decoding: member, at: "\(path).\(key)")
    }

    func optional<Value: ProtocolDecodable>(_ key: String, as type: Value.Type = Value.self) throws(InvalidParams) -> Value? {
        guard let member = json[key], !member.isNull else { return nil }
        return try Value(decoding: member, at: "\(path).\(key)")
    }

    /// A member the protocol leaves open (`LSPAny`: settings, options), or nil.
    func any(_ key: String) -> JSON? {
        guard let member = json[key], !member.isNull else { return nil }
        return member
    }

    /// The object member `key`, or nil when it is absent, null or not an object: for the
    /// capability trees, where a client leaving out or mistyping an optional branch only
    /// means it does not support that feature.
    func branch(_ key: String) -> ProtocolObject? {
        guard let member = json[key] else { return nil }
        return try? ProtocolObject(member, at: "\(path).\(key)")
    }

    /// A capability flag: true only when the client says `true`.
    func flag(_ key: String) -> Bool { json[key]?.bool ?? false }
}

extension String: ProtocolDecodable {
    init(decoding json: JSON, at path: String) throws(InvalidParams) {
        guard let value = json.string else { throw InvalidParams(path, "expected a string") }
        self = value
    }
}

extension Int: ProtocolDecodable {
    init(decoding json: JSON, at path: String) throws(InvalidParams) {
        guard let value = json.int else { throw InvalidParams(path, "expected an integer") }
        self = value
    }
}

extension Bool: ProtocolDecodable {
    init(decoding json: JSON, at path: String) throws(InvalidParams) {
        guard let value = json.bool else { throw InvalidParams(path, "expected true or false") }
        self = value
    }
}

extension Array: ProtocolDecodable where Element: ProtocolDecodable {
    init(decoding json: JSON, at path: String) throws(InvalidParams) {
        guard let items = json.array else { throw InvalidParams(path, "expected an array") }
        var values: [Element] = []
        values.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            values.append(try Element(decoding: item, at: "\(path)[\(index)]"))
        }
        self = values
    }
}

/// A request's params when it takes none worth reading (`shutdown`), or any JSON at all.
struct NoParams: ProtocolDecodable {
    init(decoding json: JSON, at path: String) throws(InvalidParams) {}
}
