import Foundation
import NoteSyntax

/// How one rule is set: off, at a severity, with options.
public struct RuleSetting: Sendable {
    public var enabled: Bool
    /// nil keeps the rule's own severity (which may depend on the finding).
    public var severity: Severity?
    public var options: RuleOptions
    /// Whether the file said `off` or a severity (rather than only options), so that a
    /// layer above another replaces the level only when it names one.
    public var levelSpecified: Bool

    public init(enabled: Bool = true, severity: Severity? = nil, options: RuleOptions = .none, levelSpecified: Bool = false) {
        self.enabled = enabled
        self.severity = severity
        self.options = options
        self.levelSpecified = levelSpecified
    }

    /// This setting over `base`: its level when it names one, its options over base's.
    public func layered(over base: RuleSetting) -> RuleSetting {
        var merged = base
        if levelSpecified {
            merged.enabled = enabled
            merged.severity = severity
            merged.levelSpecified = true
        }
        var values = base.options.values
        for (name, value) in options.values { values[name] = value }
        merged.options = RuleOptions(values: values, origin: options.values.isEmpty ? base.options.origin : options.origin)
        return merged
    }
}

/// `overrides:` entry: rule settings for the files matching `files`.
public struct ConfigurationOverride: Sendable {
    public let files: [Glob]
    public let rules: [String: RuleSetting]
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
    static let topLevelKeys = ["version", "rules", "entries", "exclude", "include", "overrides", "extends", "arxiv"]

    public var rules: [String: RuleSetting]
    /// Paths, relative to the configuration's folder, that folder searches skip.
    public var exclude: [Glob] = []
    /// When not empty, folder searches keep only the paths matching one of these.
    public var include: [Glob] = []
    /// Settings for some paths, applied in order over `rules`.
    public var overrides: [ConfigurationOverride] = []
    /// A configuration file this one builds on (relative to this file's folder).
    public var extends: String?
    /// The fields of an entry; nil keeps the reading list's (or the base file's).
    public var entries: EntrySchema?
    /// The file it was read from; nil for the defaults.
    public var source: ConfigurationSource?
    /// `arxiv: {api_url: ..., cache_days: ...}`: nil keeps the default (or the base file's).
    public var arxivAPIURL: String?
    public var arxivCacheDays: Int?

    public init(rules: [String: RuleSetting] = [:], source: ConfigurationSource? = nil) {
        self.rules = rules
        self.source = source
    }

    public static let defaults = Configuration()

    public var path: String? { source?.path }

    public func setting(for ruleID: String) -> RuleSetting { rules[ruleID] ?? RuleSetting() }

    /// Parses a configuration file; unknown keys and rule ids are errors naming the closest
    /// valid name.
    public static func parse(_ text: SourceText, path: String, hasPositions: Bool = true) throws -> Configuration {
        let source = ConfigurationSource(path: path, text: text, hasPositions: hasPositions)
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
        var problems = ConfigurationProblems()
        for pair in pairs {
            problems.collect {
                guard let key = pair.key.scalarText else {
                    throw ConfigurationError(message: "expected a string key", source: source, offset: pair.key.range.start)
                }
                if key == "version" { sawVersion = true }
                try read(key, pair.value, into: &configuration, keyOffset: pair.key.range.start, source: source)
            }
        }
        if !sawVersion {
            problems.add(ConfigurationError(message: "missing `version: \(currentVersion)`", source: source, offset: root.range.start))
        }
        try problems.throwIfAny()
        return configuration
    }

    /// Reads one top-level key's value into `configuration`.
    private static func read(
        _ key: String, _ value: YAMLValue, into configuration: inout Configuration, keyOffset: Int, source: ConfigurationSource
    ) throws {
        switch key {
        case "version":
            guard value.scalarText == String(currentVersion) else {
                throw ConfigurationError(
                    message: "unsupported version `\(value.scalarText ?? "?")`: this notelint reads version \(currentVersion)",
                    source: source, offset: value.range.start)
            }
        case "rules":
            configuration.rules = try parseRules(value, source: source)
        case "exclude":
            configuration.exclude = try globs(value, key: "exclude", source: source)
        case "include":
            configuration.include = try globs(value, key: "include", source: source)
        case "entries":
            configuration.entries = try EntrySchema.parse(value, source: source)
        case "overrides":
            configuration.overrides = try parseOverrides(value, source: source)
        case "arxiv":
            try parseArxiv(value, into: &configuration, source: source)
        case "extends":
            guard let path = value.scalarText, !path.isEmpty else {
                throw ConfigurationError(
                    message: "`extends` is the path of another configuration file", source: source, offset: value.range.start)
            }
            configuration.extends = path
        default:
            throw unknownName("key", key, candidates: topLevelKeys, source: source, offset: keyOffset)
        }
    }

    private static func globs(_ value: YAMLValue, key: String, source: ConfigurationSource) throws -> [Glob] {
        if case .mapping = value {
            throw ConfigurationError(message: "`\(key)` is a list of path patterns", source: source, offset: value.range.start)
        }
        return try value.items.map { item in
            guard let text = item.scalarText, !text.isEmpty else {
                throw ConfigurationError(message: "`\(key)` is a list of path patterns", source: source, offset: item.range.start)
            }
            return Glob(text)
        }
    }

    private static func parseArxiv(_ value: YAMLValue, into configuration: inout Configuration, source: ConfigurationSource) throws {
        guard case .mapping(let pairs, _) = value else {
            throw ConfigurationError(
                message: "`arxiv` is a mapping with `api_url` and `cache_days`", source: source, offset: value.range.start)
        }
        var problems = ConfigurationProblems()
        for pair in pairs {
            problems.collect { try readArxivKey(pair, into: &configuration, source: source) }
        }
        try problems.throwIfAny()
    }

    private static func readArxivKey(
        _ pair: YAMLPair, into configuration: inout Configuration, source: ConfigurationSource
    ) throws {
        switch pair.key.scalarText {
        case "api_url":
            guard let url = pair.value.scalarText, url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw ConfigurationError(
                    message: "`arxiv.api_url` is an http or https address", source: source, offset: pair.value.range.start)
            }
            configuration.arxivAPIURL = url
        case "cache_days":
            guard let days = pair.value.scalarText.flatMap(Int.init), days >= 0 else {
                throw ConfigurationError(
                    message: "`arxiv.cache_days` is a whole number of days, 0 or more", source: source, offset: pair.value.range.start)
            }
            configuration.arxivCacheDays = days
        default:
            throw unknownName(
                "arxiv key", pair.key.scalarText ?? "?", candidates: ["api_url", "cache_days"], source: source,
                offset: pair.key.range.start)
        }
    }

    private static func parseOverrides(_ value: YAMLValue, source: ConfigurationSource) throws -> [ConfigurationOverride] {
        guard case .sequence(let items, _) = value else {
            throw ConfigurationError(
                message: "`overrides` is a list of {files: ..., rules: ...}", source: source, offset: value.range.start)
        }
        var problems = ConfigurationProblems()
        let overrides = items.compactMap { item in problems.collect { try parseOverride(item, source: source) } }
        try problems.throwIfAny()
        return overrides
    }

    private static func parseOverride(_ item: YAMLValue, source: ConfigurationSource) throws -> ConfigurationOverride {
        guard case .mapping(let pairs, _) = item else {
            throw ConfigurationError(
                message: "an override is a mapping with `files` and `rules`", source: source, offset: item.range.start)
        }
        var files: [Glob] = []
        var rules: [String: RuleSetting] = [:]
        var problems = ConfigurationProblems()
        var filesUnreadable = false
        for pair in pairs {
            problems.collect {
                switch pair.key.scalarText {
                case "files":
                    do { files = try globs(pair.value, key: "files", source: source) } catch {
                        filesUnreadable = true
                        throw error
                    }
                case "rules": rules = try parseRules(pair.value, source: source)
                default:
                    throw unknownName(
                        "override key", pair.key.scalarText ?? "?", candidates: ["files", "rules"], source: source,
                        offset: pair.key.range.start)
                }
            }
        }
        if files.isEmpty && !filesUnreadable {
            problems.add(ConfigurationError(message: "an override needs `files`", source: source, offset: item.range.start))
        }
        try problems.throwIfAny()
        return ConfigurationOverride(files: files, rules: rules)
    }

    /// This configuration over `base` (an `extends` target, or the user-level file): rule
    /// settings layered one by one; path lists and overrides taken from here when given.
    public func layered(over base: Configuration) -> Configuration {
        var merged = base
        merged.source = source ?? base.source
        for (id, setting) in rules { merged.rules[id] = setting.layered(over: base.setting(for: id)) }
        if !exclude.isEmpty { merged.exclude = exclude }
        if !include.isEmpty { merged.include = include }
        if let entries { merged.entries = entries }
        if let arxivAPIURL { merged.arxivAPIURL = arxivAPIURL }
        if let arxivCacheDays { merged.arxivCacheDays = arxivCacheDays }
        merged.overrides = base.overrides + overrides
        merged.extends = nil
        return merged
    }

    /// The folder the configuration's paths are relative to.
    public var folder: String? {
        path.map { ($0 as NSString).deletingLastPathComponent }
    }

    /// The configuration for one file: the overrides whose `files` match it, applied in
    /// order. `key` names the combination, for caching linters.
    public func effective(forFile absolutePath: String) -> (configuration: Configuration, key: String) {
        guard !overrides.isEmpty, let folder else { return (self, path ?? "") }
        let relative = absolutePath.hasPrefix(folder + "/") ? String(absolutePath.dropFirst(folder.count + 1)) : absolutePath
        var result = self
        var matched: [Int] = []
        for (index, override) in overrides.enumerated() where override.files.contains(where: { $0.matches(relative) }) {
            matched.append(index)
            for (id, setting) in override.rules { result.rules[id] = setting.layered(over: result.setting(for: id)) }
        }
        result.overrides = []
        return (result, (path ?? "") + "#" + matched.map(String.init).joined(separator: ","))
    }

    private static func parseRules(_ value: YAMLValue, source: ConfigurationSource) throws -> [String: RuleSetting] {
        if case .scalar(let text, _) = value, text.isEmpty || text == "~" || text == "null" { return [:] }
        guard case .mapping(let pairs, _) = value else {
            throw ConfigurationError(message: "`rules` must map rule ids to settings", source: source, offset: value.range.start)
        }
        var settings: [String: RuleSetting] = [:]
        let ids = RuleRegistry.ids
        var problems = ConfigurationProblems()
        for pair in pairs {
            problems.collect {
                guard let id = pair.key.scalarText else {
                    throw ConfigurationError(message: "expected a rule id", source: source, offset: pair.key.range.start)
                }
                guard let ruleType = RuleRegistry.rule(withID: id) else {
                    throw unknownName("rule", id, candidates: ids, source: source, offset: pair.key.range.start)
                }
                let setting = try parseSetting(pair.value, rule: ruleType.description, source: source)
                // The rule reads its options now, so a bad option is found with the file's other mistakes.
                _ = try ruleType.init(options: setting.options)
                settings[id] = setting
            }
        }
        try problems.throwIfAny()
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
                        throw ConfigurationError(
                            message: "`severity` must be off, error, warning or info", source: source, offset: pair.value.range.start)
                    }
                    let parsed = try settingFromWord(word, source: source, offset: pair.value.range.start)
                    setting.enabled = parsed.enabled
                    setting.severity = parsed.severity
                    setting.levelSpecified = true
                } else if optionNames.contains(key) {
                    options[key] = pair.value
                } else {
                    let what =
                        optionNames.isEmpty ? "`\(rule.id)` has no options but `severity`" : "unknown option `\(key)` for `\(rule.id)`"
                    var message = optionNames.isEmpty ? "unknown option `\(key)`: \(what)" : what
                    if let near = closestMatch(to: key, in: optionNames + ["severity"]) { message += "; did you mean `\(near)`?" }
                    throw ConfigurationError(message: message, source: source, offset: pair.key.range.start)
                }
            }
            setting.options = RuleOptions(values: options, origin: source)
            return setting
        default:
            throw ConfigurationError(
                message: "a rule's setting is off, a severity, or a mapping with `severity` and options",
                source: source, offset: value.range.start)
        }
    }

    private static func settingFromWord(_ word: String, source: ConfigurationSource, offset: Int) throws -> RuleSetting {
        if ["off", "false"].contains(word) { return RuleSetting(enabled: false, levelSpecified: true) }
        if let severity = Severity(rawValue: word) { return RuleSetting(severity: severity, levelSpecified: true) }
        if word == "on" || word == "true" { return RuleSetting(levelSpecified: true) }
        throw unknownName("severity", word, candidates: ["off"] + Severity.allCases.map(\.rawValue), source: source, offset: offset)
    }

    public static func unknownName(_ kind: String, _ name: String, candidates: [String], source: ConfigurationSource?, offset: Int?)
        -> ConfigurationError
    {
        var message = "unknown \(kind) `\(name)`"
        if let near = closestMatch(to: name, in: candidates) { message += "; did you mean `\(near)`?" }
        return ConfigurationError(message: message, source: source, offset: offset)
    }
}
