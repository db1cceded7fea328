import NoteSyntax

/// The result of linting one note.
public struct LintResult: Sendable {
    public let note: Note
    /// Sorted by position, then rule id.
    public let diagnostics: [Diagnostic]
}

/// Runs the configured rules over notes. The CLI and the language server both lint through
/// this type, so they cannot disagree about a note.
public struct Linter: Sendable {
    private struct ConfiguredRule: Sendable {
        let rule: any Rule
        let severity: Severity?
    }

    private let rules: [ConfiguredRule]
    /// Keys that make a paragraph an entry.
    public let knownFields: [String]
    public let today: CalendarDay

    /// Builds every rule with its options; throws a `ConfigurationError` for a bad option.
    /// `only`, when given, keeps just those rules (the rule examples use it).
    public init(configuration: Configuration = .defaults, only: Set<String>? = nil, today: CalendarDay = .today) throws {
        self.today = today
        var configured: [ConfiguredRule] = []
        var fields = Note.defaultKnownFields
        for ruleType in RuleRegistry.all {
            let id = ruleType.description.id
            let setting = configuration.setting(for: id)
            let rule = try ruleType.init(options: setting.options)
            for field in rule.entryFields where !fields.contains(where: { $0.lowercased() == field.lowercased() }) {
                fields.append(field)
            }
            guard setting.enabled, only?.contains(id) ?? true else { continue }
            configured.append(ConfiguredRule(rule: rule, severity: setting.severity))
        }
        self.rules = configured
        self.knownFields = fields
    }

    public func parse(_ source: SourceText) -> Note { Note(source: source, knownFields: knownFields) }

    public func lint(_ source: SourceText) -> LintResult { lint(parse(source)) }

    public func lint(_ note: Note) -> LintResult {
        let suppressions = Suppressions(note: note)
        let entries = note.entries.map { EntryFacts($0, source: note.source, today: today) }
        var diagnostics: [Diagnostic] = []
        for configured in rules {
            for var diagnostic in configured.rule.run(on: note, today: today, entries: entries) {
                let line = note.lineIndex.line(containing: diagnostic.range.start)
                if suppressions.isSuppressed(diagnostic.ruleID, atLine: line) { continue }
                if let severity = configured.severity { diagnostic.severity = severity }
                diagnostics.append(diagnostic)
            }
        }
        diagnostics.sort { ($0.range.start, $0.range.end, $0.ruleID) < ($1.range.start, $1.range.end, $1.ruleID) }
        return LintResult(note: note, diagnostics: diagnostics)
    }
}
