import ArxivKit

/// Why a question to arXiv got no answer. Each case reads as a sentence after "arXiv: ".
public enum ArxivError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Never sent: the identifier cannot exist.
    case invalidIdentifier(String)
    /// arXiv's own error entry (`arxiv.org/api/errors`), with its message.
    case api(String)
    case http(status: Int, attempts: Int)
    case timedOut(seconds: Double)
    case tooLarge(limit: Int)
    case doctype
    case malformed(String)
    case transport(String)
    /// Not in the local index nor the cache, and the network is not to be used.
    case offline

    public var description: String {
        switch self {
        case .invalidIdentifier(let why): return "not asked: \(why)"
        case .api(let message): return "the API rejected the request: \(message)"
        case .http(let status, let attempts):
            return "HTTP \(status)\(status == 429 ? " (rate exceeded)" : "") after \(attempts) \(attempts == 1 ? "try" : "tries")"
        case .timedOut(let seconds): return "no complete answer within \(Self.seconds(seconds)) (deadline)"
        case .tooLarge(let limit): return "the answer is larger than \(limit / 1_048_576) MB; refused"
        case .doctype: return "the answer contains a DOCTYPE (arXiv never sends one); refused"
        case .malformed(let why): return "the answer is not a valid Atom feed: \(why)"
        case .transport(let why): return "cannot reach the API: \(why)"
        case .offline: return "not in the local index nor the cache, and --offline keeps the API out"
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
