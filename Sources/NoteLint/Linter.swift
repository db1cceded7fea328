import ArxivKit
import Dispatch
import NoteSyntax
import Synchronization

/// The result of linting one note.
public struct LintResult: Sendable {
    public let note: Note
    /// Sorted by position, then rule id.
    public let diagnostics: [Diagnostic]
}

/// Runs the configured rules over notes. The CLI and the language server both lint through
/// this type, so they cannot disagree about a note.
public struct Linter: Sendable {
    struct ConfiguredRule: Sendable {
        let rule: any Rule
        let severity: Severity?
        /// The rule's identifier and default severity, read once: `description` is a copy of
        /// the rule's whole page each time it is asked.
        let id: String
        let defaultSeverity: Severity

        init(rule: any Rule, severity: Severity?) {
            self.rule = rule
            self.severity = severity
            let description = type(of: rule).description
            id = description.id
            defaultSeverity = description.defaultSeverity
        }

        /// The rule's findings on `inputs`.
        func run(_ inputs: LintInputs, noteWideReading: Int? = nil) -> [Diagnostic] {
            var context = LintContext(inputs, ruleID: id, defaultSeverity: defaultSeverity, noteWideReading: noteWideReading)
            rule.check(&context)
            return context.diagnostics
        }
    }

    private let rules: [ConfiguredRule]
    /// Rules the configuration enables that `only` left out: run just to learn which
    /// suppressions are in use, when `unused-suppression` is reported.
    private let shadowRules: [ConfiguredRule]
    private let auditsSuppressions: Bool
    /// The schema's fields and those the rules name: offered by completion.
    public let knownFields: [String]
    /// Every key read as a record field, with its role: the default vocabulary, the schema's
    /// fields and those the rules' options name.
    public let vocabulary: FieldVocabulary
    public let today: CalendarDay
    public let schema: EntrySchema
    /// Where the arXiv rules read metadata: a local store, never the network.
    public let arxiv: (any ArxivMetadataSource)?
    /// The date style `date-format` asks for: what a filled Date is written in.
    public let dateStyle: NoteDate.Style
    private let unusedSeverity: Severity?
    /// `entry-duplicate` is on with `scope: workspace`: findings depend on other notes too.
    public let comparesAcrossNotes: Bool
    /// Everything the findings depend on besides the text: rules, severities, options, the
    /// entry fields and today's date. Result caches key on it.
    public let fingerprint: String
    /// How many threads one note's lint may use. The language server lints one note at a time
    /// and gives it every core; `check` lints many notes at once, one thread each.
    public var threadsPerNote = 1

    /// Builds every rule with its options; throws a `ConfigurationError` naming every bad option.
    /// `only`, when given, keeps just those rules (the rule examples use it).
    public init(
        configuration: Configuration = .defaults, only: Set<String>? = nil, today: CalendarDay = .today,
        arxiv: (any ArxivMetadataSource)? = nil
    ) throws {
        self.today = today
        self.arxiv = arxiv
        let styleName = (try? configuration.setting(for: DateFormat.description.id).options.string("style", default: "")) ?? ""
        self.dateStyle = NoteDate.Style(rawValue: styleName) ?? .dayMonthYear
        var configured: [ConfiguredRule] = []
        var shadow: [ConfiguredRule] = []
        let schema = configuration.entries ?? .readingList
        self.schema = schema
        var fields = schema.names
        var problems = ConfigurationProblems()
        for ruleType in RuleRegistry.all {
            let id = ruleType.description.id
            let setting = configuration.setting(for: id)
            guard let rule = problems.collect({ try ruleType.init(options: setting.options) }) else { continue }
            for field in rule.entryFields where !fields.contains(where: { $0.lowercased() == field.lowercased() }) {
                fields.append(field)
            }
            guard setting.enabled else { continue }
            if only?.contains(id) ?? true {
                configured.append(ConfiguredRule(rule: rule, severity: setting.severity))
            } else {
                shadow.append(ConfiguredRule(rule: rule, severity: setting.severity))
            }
        }
        try problems.throwIfAny()
        let unusedID = UnusedSuppression.description.id
        self.auditsSuppressions = configured.contains { type(of: $0.rule).description.id == unusedID }
        self.rules = configured.filter { type(of: $0.rule).description.id != unusedID }
        self.shadowRules = auditsSuppressions ? shadow : []
        self.unusedSeverity = configuration.setting(for: unusedID).severity
        self.comparesAcrossNotes = configured.contains { ($0.rule as? EntryDuplicate)?.scope == .workspace }
        var parts = [
            "today=\(today.year)-\(today.month)-\(today.day)", "fields=\(fields.joined(separator: ","))",
            "schema=" + schema.fields.map { "\($0.name):\($0.kind.rawValue):\($0.required)" }.joined(separator: ","),
        ]
        for id in RuleRegistry.ids {
            let setting = configuration.setting(for: id)
            let options = setting.options.values.keys.sorted().map { "\($0):\(setting.options.values[$0]!.canonicalText)" }
            let reported = only?.contains(id) ?? true
            parts.append("\(id)=\(setting.enabled && reported)/\(setting.severity?.rawValue ?? "-")/\(options.joined(separator: ";"))")
        }
        if let arxiv { parts.append(arxiv.fingerprint) }
        self.fingerprint = parts.joined(separator: "\n")
        self.knownFields = fields
        self.vocabulary = FieldVocabulary(extra: schema.roles + fields.map { ($0, nil) })
    }

    public func parse(_ source: SourceText) -> Note { Note(source: source, vocabulary: vocabulary) }

    public func lint(_ source: SourceText, path: String? = nil) -> LintResult { lint(parse(source), path: path) }

    /// What each entry of `note` says, as the rules see it.
    public func entryFacts(_ note: Note) -> [EntryFacts] {
        let entries = note.entries
        return inSlices(entries.count) { EntryFacts(entries[$0], schema: schema, source: note.source, today: today) }
    }

    /// `make` of each index below `count`, in order; in `threadsPerNote` slices on as many
    /// threads when there are 64 or more.
    func inSlices<Element: Sendable>(_ count: Int, _ make: @Sendable (Int) -> Element) -> [Element] {
        guard threadsPerNote > 1 && count >= 64 else { return (0..<count).map(make) }
        let parts = threadsPerNote
        let chunks = Mutex([[Element]](repeating: [], count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let slice = ((count * part / parts)..<(count * (part + 1) / parts)).map(make)
            chunks.withLock { $0[part] = slice }
        }
        return chunks.withLock { $0.flatMap { $0 } }
    }

    /// Each rule's findings, in the order of `rules`. With `region`, a rule of `RuleScope.lines`
    /// checks only the region's lines and entries. A rule whose `skipped` is true is not run
    /// (empty findings: the caller keeps its findings from before).
    func findings(
        of rules: [ConfiguredRule], on note: Note, entries: [EntryFacts], arxiv: (any ArxivMetadataSource)?, path: String?,
        region: (lines: Range<Int>, entries: [EntryFacts], readings: [Int?])? = nil, skipped: [Bool] = []
    ) -> [[Diagnostic]] {
        guard skipped.contains(true) else { return runRules(rules, on: note, entries: entries, arxiv: arxiv, path: path, region: region) }
        let run = rules.indices.filter { !skipped[$0] }
        let found = runRules(
            run.map { rules[$0] }, on: note, entries: entries, arxiv: arxiv, path: path,
            region: region.map { region in (region.lines, region.entries, run.map { region.readings[$0] }) })
        var all = [[Diagnostic]](repeating: [], count: rules.count)
        for (position, index) in run.enumerated() { all[index] = found[position] }
        return all
    }

    /// The rules run on `threadsPerNote` threads, each taking the next rule not yet run.
    private func runRules(
        _ rules: [ConfiguredRule], on note: Note, entries: [EntryFacts], arxiv: (any ArxivMetadataSource)?, path: String?,
        region: (lines: Range<Int>, entries: [EntryFacts], readings: [Int?])?
    ) -> [[Diagnostic]] {
        let whole = LintInputs(note: note, today: today, entries: entries, schema: schema, arxiv: arxiv, path: path)
        let edited = region.map {
            LintInputs(
                note: note, today: today, entries: $0.entries, schema: schema, arxiv: arxiv, path: path, lines: $0.lines,
                allEntries: entries)
        }
        let run: @Sendable (Int) -> [Diagnostic] = { index in
            if let edited, let region, type(of: rules[index].rule).scope == .lines {
                return rules[index].run(edited, noteWideReading: region.readings[index])
            }
            return rules[index].run(whole)
        }
        // After an edit, rules that check only the edited region read a few entries: waking a
        // second thread for them cost more than it saved. Whole-note rules still share out.
        let readsWholeNote = region == nil || rules.contains { type(of: $0.rule).scope == .note }
        let read = readsWholeNote ? entries.count : region?.entries.count ?? 0
        guard threadsPerNote > 1 && read >= 64 else { return rules.indices.map(run) }
        let next = Atomic(0)
        let results = Mutex([[Diagnostic]](repeating: [], count: rules.count))
        DispatchQueue.concurrentPerform(iterations: min(threadsPerNote, rules.count)) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < rules.count else { return }
                let found = run(index)
                results.withLock { $0[index] = found }
            }
        }
        return results.withLock { $0 }
    }

    /// The keys `entry-duplicate` compares across notes, for a `WorkspaceEntries`.
    public func entryKeys(_ note: Note) -> NoteEntryKeys {
        NoteEntryKeys(entryFacts(note))
    }

    /// Lints a note; with `workspace`, and `entry-duplicate` set to `scope: workspace`, also
    /// reports entries that an earlier note of the workspace has (`name` is this note's).
    /// `path` is the note's file, for the rules that read its name (a Jekyll post's title).
    public func lint(_ note: Note, path: String? = nil, workspace: (entries: WorkspaceEntries, name: String)? = nil) -> LintResult {
        lint(note, path: path, workspace: workspace, since: nil).result
    }

    /// Lints a note, with what the next version's lint needs to start from this one (nil for a
    /// file that is not text). With `base`, the lint of the version one edit before, rules of
    /// `RuleScope.lines` check only the part of the note the edit can have changed.
    public func lint(
        _ note: Note, path: String?, workspace: (entries: WorkspaceEntries, name: String)?, since base: LintBase?
    ) -> (result: LintResult, memory: LintMemory?) {
        // A file that is not text gets `file-encoding`'s one finding: anything else would be noise.
        if BinaryContent.detect(note.source) != nil { return (lintAsBinary(note), nil) }
        let suppressions = Suppressions(note: note)
        let arxiv = self.arxiv?.snapshot()
        var diagnostics: [Diagnostic] = []
        var audit = SuppressionAudit(suppressions)
        let audits = auditsSuppressions && !suppressions.directives.isEmpty
        let isTemplate = TemplateNote.isTemplate(note, path: path)
        // Filtered only for a template: a filter copies every configured rule, for every note.
        let running =
            isTemplate
            ? rules.filter { !TemplateNote.unfilledValueRules.contains(type(of: $0.rule).description.id) } : rules
        let (entries, allFindings, readings) =
            base.flatMap { incrementalFindings(of: running, on: note, since: $0, isTemplate: isTemplate, arxiv: arxiv, path: path) }
            ?? { () -> ([EntryFacts], [[Diagnostic]], [Int?]) in
                let entries = entryFacts(note)
                return (
                    entries, findings(of: running, on: note, entries: entries, arxiv: arxiv, path: path),
                    [Int?](repeating: nil, count: running.count)
                )
            }()
        let memory = LintMemory(
            note: note, path: path, linterKey: fingerprint, isTemplate: isTemplate, arxivStamp: arxiv?.fingerprint, facts: entries,
            findings: allFindings, readings: readings)
        // Sized once: a note of thousands of findings grew it by doubling at every keystroke.
        diagnostics.reserveCapacity(allFindings.reduce(0) { $0 + $1.count })
        for (configured, ruleFindings) in zip(running, allFindings) {
            var found = ruleFindings
            if let workspace, (configured.rule as? EntryDuplicate)?.scope == .workspace {
                found += workspace.entries.findings(name: workspace.name, keys: NoteEntryKeys(entries))
            }
            for var diagnostic in found {
                // Lines are looked up only when a directive could silence the finding.
                if !suppressions.directives.isEmpty,
                    let directive = suppressions.suppressor(
                        of: diagnostic.ruleID, atLine: note.lineIndex.line(containing: diagnostic.range.start))
                {
                    if audits { audit.record(directive, rule: diagnostic.ruleID) }
                    continue
                }
                if let severity = configured.severity { diagnostic.severity = severity }
                diagnostics.append(diagnostic)
            }
        }
        if audits {
            let inputs = LintInputs(note: note, today: today, entries: entries, schema: schema, arxiv: arxiv, path: path)
            for configured in shadowRules {
                for diagnostic in configured.run(inputs) {
                    let line = note.lineIndex.line(containing: diagnostic.range.start)
                    if let directive = suppressions.suppressor(of: diagnostic.ruleID, atLine: line) {
                        audit.record(directive, rule: diagnostic.ruleID)
                    }
                }
            }
            // A directive that silences the audit's findings is in use too; then the audit is
            // taken again. The idle directive itself cannot silence its own finding.
            func silencer(_ about: Int, _ finding: Diagnostic) -> Int? {
                let line = note.lineIndex.line(containing: finding.range.start)
                return suppressions.suppressor(of: finding.ruleID, atLine: line).flatMap { $0 == about ? nil : $0 }
            }
            for (about, finding) in audit.findings(in: note) {
                if let directive = silencer(about, finding) { audit.record(directive, rule: finding.ruleID) }
            }
            for (about, var finding) in audit.findings(in: note) {
                if silencer(about, finding) != nil { continue }
                if let severity = unusedSeverity { finding.severity = severity }
                diagnostics.append(finding)
            }
        }
        // The message settles ties, so that the order never depends on the order rules found them.
        diagnostics.sort {
            ($0.range.start, $0.range.end, $0.ruleID, $0.message) < ($1.range.start, $1.range.end, $1.ruleID, $1.message)
        }
        return (LintResult(note: note, diagnostics: diagnostics), memory)
    }

    private func lintAsBinary(_ note: Note) -> LintResult {
        var diagnostics: [Diagnostic] = []
        let inputs = LintInputs(note: note, today: today, entries: [], schema: schema)
        for configured in rules where configured.rule is FileEncoding {
            for var diagnostic in configured.run(inputs) {
                if let severity = configured.severity { diagnostic.severity = severity }
                diagnostics.append(diagnostic)
            }
        }
        return LintResult(note: note, diagnostics: diagnostics)
    }
}
