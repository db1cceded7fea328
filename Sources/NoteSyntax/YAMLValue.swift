/// A YAML node reduced to what notelint reads, with the byte range of its source. Built from
/// Yams' node API; aliases are kept as aliases, never expanded.
public indirect enum YAMLValue: Sendable, Equatable {
    case scalar(String, ByteRange)
    case sequence([YAMLValue], ByteRange)
    case mapping([YAMLPair], ByteRange)
    case alias(ByteRange)

    public var range: ByteRange {
        switch self {
        case .scalar(_, let range), .sequence(_, let range), .mapping(_, let range), .alias(let range):
            return range
        }
    }

    public var scalarText: String? {
        if case .scalar(let text, _) = self { return text }
        return nil
    }

    /// The value for a string key of a mapping.
    public subscript(key: String) -> YAMLValue? {
        guard case .mapping(let pairs, _) = self else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }

    /// The value without positions, in one stable form (for fingerprints).
    public var canonicalText: String {
        switch self {
        case .scalar(let text, _): return text.debugDescription
        case .sequence(let items, _): return "[" + items.map(\.canonicalText).joined(separator: ",") + "]"
        case .mapping(let pairs, _):
            return "{" + pairs.map { $0.key.canonicalText + ":" + $0.value.canonicalText }.joined(separator: ",") + "}"
        case .alias: return "*"
        }
    }

    /// The items of a sequence, or the value itself when it is a lone scalar.
    public var items: [YAMLValue] {
        switch self {
        case .sequence(let items, _): return items
        case .scalar: return [self]
        default: return []
        }
    }
}

public struct YAMLPair: Sendable, Equatable {
    public let key: YAMLValue
    public let value: YAMLValue
}

/// A YAML syntax error, placed at the line and column the YAML parser named.
public struct YAMLProblem: Sendable, Equatable {
    public let message: String
    public let offset: Int
}
