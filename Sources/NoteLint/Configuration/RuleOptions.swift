import NoteSyntax

/// A rule's options as written in the configuration, with typed accessors that name the
/// option and its line when a value has the wrong shape.
public struct RuleOptions: Sendable {
    public let values: [String: YAMLValue]
    /// Where the values came from, to place errors.
    let origin: ConfigurationSource?

    public init(values: [String: YAMLValue] = [:], origin: ConfigurationSource? = nil) {
        self.values = values
        self.origin = origin
    }

    public static let none = RuleOptions()

    /// A list of strings; a lone string counts as a list of one.
    public func strings(_ name: String, default fallback: [String]) throws -> [String] {
        guard let value = values[name] else { return fallback }
        var result: [String] = []
        for item in value.items {
            guard let text = item.scalarText else { throw error(name, item, "expected a string") }
            result.append(text)
        }
        if case .mapping = value { throw error(name, value, "expected a list of strings") }
        return result
    }

    /// A mapping from strings to lists of strings.
    public func stringLists(_ name: String, default fallback: [String: [String]]) throws -> [String: [String]] {
        guard let value = values[name] else { return fallback }
        guard case .mapping(let pairs, _) = value else { throw error(name, value, "expected a mapping of keys to lists") }
        var result: [String: [String]] = [:]
        for pair in pairs {
            guard let key = pair.key.scalarText else { throw error(name, pair.key, "expected a string key") }
            result[key] = try pair.value.items.map { item in
                guard let text = item.scalarText else { throw error(name, item, "expected a string") }
                return text
            }
        }
        return result
    }

    public func string(_ name: String, default fallback: String) throws -> String {
        guard let value = values[name] else { return fallback }
        guard let text = value.scalarText else { throw error(name, value, "expected a string") }
        return text
    }

    /// An error for an option whose value is well-formed but not allowed.
    public func invalid(_ name: String, _ problem: String) -> ConfigurationError {
        let value = values[name]
        return ConfigurationError(message: "option `\(name)`: \(problem)", source: origin, offset: value?.range.start)
    }

    private func error(_ name: String, _ value: YAMLValue, _ problem: String) -> ConfigurationError {
        ConfigurationError(message: "option `\(name)`: \(problem)", source: origin, offset: value.range.start)
    }
}
