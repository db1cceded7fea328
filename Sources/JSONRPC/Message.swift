/// JSON-RPC 2.0 error codes used by the Language Server Protocol.
public enum ErrorCode {
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    public static let serverNotInitialized = -32002
    public static let requestFailed = -32803
    public static let requestCancelled = -32800
}

/// A request id: a number or a string.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case int(Int)
    case string(String)

    public init?(_ json: JSON) {
        if let value = json.int { self = .int(value) } else if let value = json.string { self = .string(value) } else { return nil }
    }

    public var json: JSON {
        switch self {
        case .int(let value): return .int(value)
        case .string(let value): return .string(value)
        }
    }

    public var description: String {
        switch self {
        case .int(let value): return String(value)
        case .string(let value): return "\"\(value)\""
        }
    }
}

/// A message read from the client.
public enum Message {
    case request(id: RequestID, method: String, params: JSON)
    case notification(method: String, params: JSON)
    case response(id: RequestID?, result: JSON?, error: JSON?)

    public struct Invalid: Error {
        public let id: RequestID?
        public let message: String
    }

    /// Classifies a parsed body; throws `Invalid` for anything that is not a JSON-RPC 2.0
    /// request, notification or response (a batch array among them).
    public init(_ json: JSON) throws {
        guard json.isObject else {
            throw Invalid(id: nil, message: json.array != nil ? "batch messages are not supported" : "a message must be a JSON object")
        }
        let id = json["id"].flatMap(RequestID.init)
        guard json["jsonrpc"]?.string == "2.0" else { throw Invalid(id: id, message: "`jsonrpc` must be \"2.0\"") }
        if let methodValue = json["method"] {
            guard let method = methodValue.string else { throw Invalid(id: id, message: "`method` must be a string") }
            let params = json["params"] ?? .null
            if let rawID = json["id"] {
                guard let id = RequestID(rawID) else { throw Invalid(id: nil, message: "`id` must be a number or a string") }
                self = .request(id: id, method: method, params: params)
            } else {
                self = .notification(method: method, params: params)
            }
            return
        }
        if json["result"] != nil || json["error"] != nil {
            self = .response(id: id, result: json["result"], error: json["error"])
            return
        }
        throw Invalid(id: id, message: "neither a request, a notification nor a response")
    }
}
