import Foundation
import NoteSyntax

/// What the command line says on top of every configuration file: `--select`, `--ignore`
/// and `--config-override KEY=VALUE` (a dotted key into `.notelint.yml`, a YAML value).
public struct CommandLineSettings: Sendable, Equatable {
    public var select: [String]?
    public var ignore: [String]
    public var overrides: [String]

    public init(select: [String]? = nil, ignore: [String] = [], overrides: [String] = []) {
        self.select = select
        self.ignore = ignore
        self.overrides = overrides
    }

    /// Rule ids as `--select` and `--ignore` take them: each value may hold several,
    /// comma-separated (`a,b`), and may be repeated.
    public static func ruleIDs(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    public var isEmpty: Bool { select == nil && ignore.isEmpty && overrides.isEmpty }

    /// Checks the rule ids and overrides once, before any file is read.
    public func validate() throws {
        var problems = ConfigurationProblems()
        for (option, ids) in [("--select", select ?? []), ("--ignore", ignore)] {
            for id in ids where RuleRegistry.rule(withID: id) == nil {
                problems.add(
                    Configuration.unknownName("rule", id, candidates: RuleRegistry.ids, source: nil, offset: nil).prefixingMessages(
                        "\(option): "))
            }
        }
        for (index, override) in overrides.enumerated() { problems.collect { try Self.parse(override, number: index + 1) } }
        try problems.throwIfAny()
    }

    public func apply(to base: Configuration) throws -> Configuration {
        var configuration = base
        for (index, override) in overrides.enumerated() {
            let layer = try Self.parse(override, number: index + 1)
            if override.split(separator: "=", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces) == "exclude" {
                configuration.exclude = layer.exclude
            }
            for (id, setting) in layer.rules {
                configuration.rules[id] = setting.layered(over: configuration.setting(for: id))
            }
        }
        for id in ignore { configuration.rules[id, default: RuleSetting()].enabled = false }
        if let select {
            for id in RuleRegistry.ids where !select.contains(id) { configuration.rules[id, default: RuleSetting()].enabled = false }
        }
        return configuration
    }

    /// `rules.date-format.style=iso` read as the configuration file `rules: {date-format: {style: iso}}`.
    /// Problems name the override by its place on the command line: `--config-override #2 ...`.
    static func parse(_ override: String, number: Int) throws -> Configuration {
        let name = "--config-override #\(number) `\(override)`"
        let parts = override.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw ConfigurationError(message: name + ": expected KEY=VALUE, like rules.entry-blank=off")
        }
        let keys = parts[0].split(separator: ".").map(String.init)
        var yaml = "version: 1\n"
        for (depth, key) in keys.enumerated() {
            yaml += String(repeating: "  ", count: depth) + key + ":"
            yaml += depth == keys.count - 1 ? " " + parts[1] + "\n" : "\n"
        }
        return try Configuration.parse(SourceText(yaml), path: name, hasPositions: false)
    }
}
