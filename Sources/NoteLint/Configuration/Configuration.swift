import NoteSyntax

/// How one rule is set: off, at a severity, with options.
public struct RuleSetting: Sendable {
    public var enabled: Bool
    /// nil keeps the rule's own severity (which may depend on the finding).
    public var severity: Severity?
    public var options: RuleOptions

    public init(enabled: Bool = true, severity: Severity? = nil, options: RuleOptions = .none) {
        self.enabled = enabled
        self.severity = severity
        self.options = options
    }
}

/// The contents of a `.notelint.yml`:
///
///     version: 1
///     exclude: [drafts/**]
///     rules:
///       entry-blank: off
///       date-future: error
///       front-matter-missing-key: {severity: error, required: [title, date]}
public struct Configuration: Sendable {
    public static let fileName = ".notelint.yml"
    public static let currentVersion = 1
    static let topLevelKeys = ["version", "rules", "exclude"]

    public var rules: [String: RuleSetting]
    /// Paths, relative to the configuration's folder, that folder searches skip.
    public var exclude: [Glob] = []
    /// The file it was read from; nil for the defaults.
    public var source: ConfigurationSource?

    public init(rules: [String: RuleSetting] = [:], source: ConfigurationSource? = nil) {
        self.rules = rules
        self.source = source
    }

    public static let defaults = Configuration()

    public var path: String? { source?.path }

    public func setting(for ruleID: String) -> RuleSetting { rules[ruleID] ?? RuleSetting() }

    /// Parses a configuration file; unknown keys and rule ids are errors naming the closest
    /// valid name.
    public static func parse(_ text: SourceText, path: String) throws -> Configuration {
        let source = ConfigurationSource(path: path, text: text)
        let (root, problem) = YAMLReader.read(text.string, baseLine: 0, in: text)
        if let problem {
            throw ConfigurationError(message: "invalid YAML: \(problem.message)", source: source, offset: problem.offset)
        }
        guard let root else { return Configuration(source: source) }
        guard case .mapping(let pairs, _) = root else {
            throw ConfigurationError(message: "expected a mapping with `version` and `rules`", source: source, offset: root.range.start)
        }
        var configuration = Configuration(source: source)
        var sawVersion = false
        for pair in pairs {
            guard let key = pair.key.scalarText else {
                throw ConfigurationError(message: "expected a string key", source: source, offset: pair.key.range.start)
            }
            switch key {
            case "version":
                guard pair.value.scalarText == String(currentVersion) else {
                    throw ConfigurationError(message: "unsupported version `\(pair.value.scalarText ?? "?")`: this notelint reads version \(currentVersion)",
                                             source: source, offset: pair.value.range.start)
                }
                sawVersion = true
            case "rules":
                configuration.rules = try parseRules(pair.value, source: source)
            case "exclude":
                configuration.exclude = try pair.value.items.map { item in
                    guard let text = item.scalarText, !text.isEmpty else {
                        throw ConfigurationError(message: "`exclude` is a list of path patterns", source: source, offset: item.range.start)
                    }
                    return Glob(text)
                }
            default:
                throw unknownName("key", key, candidates: topLevelKeys, source: source, offset: pair.key.range.start)
            }
        }
        if !sawVersion {
            throw ConfigurationError(message: "missing `version: \(currentVersion)`", source: source, offset: root.range.start)
        }
        return configuration
    }

    private static func parseRules(_ value: YAMLValue, source: ConfigurationSource) throws -> [String: RuleSetting] {
        if case .scalar(let text, _) = value, text.isEmpty || text == "~" || text == "null" { return [:] }
        guard case .mapping(let pairs, _) = value else {
            throw ConfigurationError(message: "`rules` must map rule ids to settings", source: source, offset: value.range.start)
        }
        var settings: [String: RuleSetting] = [:]
        let ids = RuleRegistry.ids
        for pair in pairs {
            guard let id = pair.key.scalarText else {
                throw ConfigurationError(message: "expected a rule id", source: source, offset: pair.key.range.start)
            }
            guard let ruleType = RuleRegistry.rule(withID: id) else {
                throw unknownName("rule", id, candidates: ids, source: source, offset: pair.key.range.start)
            }
            settings[id] = try parseSetting(pair.value, rule: ruleType.description, source: source)
        }
        return settings
    }

    private static func parseSetting(_ value: YAMLValue, rule: RuleDescription, source: ConfigurationSource) throws -> RuleSetting {
        switch value {
        case .scalar(let text, let range):
            return try settingFromWord(text, source: source, offset: range.start)
        case .mapping(let pairs, _):
            var setting = RuleSetting()
            var options: [String: YAMLValue] = [:]
            let optionNames = rule.options.map(\.name)
            for pair in pairs {
                guard let key = pair.key.scalarText else {
                    throw ConfigurationError(message: "expected an option name", source: source, offset: pair.key.range.start)
                }
                if key == "severity" {
                    guard let word = pair.value.scalarText else {
                        throw ConfigurationError(message: "`severity` must be off, error, warning or info", source: source, offset: pair.value.range.start)
                    }
                    let parsed = try settingFromWord(word, source: source, offset: pair.value.range.start)
                    setting.enabled = parsed.enabled
                    setting.severity = parsed.severity
                } else if optionNames.contains(key) {
                    options[key] = pair.value
                } else {
                    let what = optionNames.isEmpty ? "`\(rule.id)` has no options but `severity`" : "unknown option `\(key)` for `\(rule.id)`"
                    var message = optionNames.isEmpty ? "unknown option `\(key)`: \(what)" : what
                    if let near = closestMatch(to: key, in: optionNames + ["severity"]) { message += "; did you mean `\(near)`?" }
                    throw ConfigurationError(message: message, source: source, offset: pair.key.range.start)
                }
            }
            setting.options = RuleOptions(values: options, origin: source)
            return setting
        default:
            throw ConfigurationError(message: "a rule's setting is off, a severity, or a mapping with `severity` and options",
                                     source: source, offset: value.range.start)
        }
    }

    private static func settingFromWord(_ word: String, source: ConfigurationSource, offset: Int) throws -> RuleSetting {
        if ["off", "false"].contains(word) { return RuleSetting(enabled: false) }
        if let severity = Severity(rawValue: word) { return RuleSetting(severity: severity) }
        if word == "on" || word == "true" { return RuleSetting() }
        throw unknownName("severity", word, candidates: ["off"] + Severity.allCases.map(\.rawValue), source: source, offset: offset)
    }

    public static func unknownName(_ kind: String, _ name: String, candidates: [String], source: ConfigurationSource?, offset: Int?) -> ConfigurationError {
        var message = "unknown \(kind) `\(name)`"
        if let near = closestMatch(to: name, in: candidates) { message += "; did you mean `\(near)`?" }
        return ConfigurationError(message: message, source: source, offset: offset)
    }
}
