import ArxivKit
import NoteSyntax

/// Examples of a rule, which are its tests and its documentation. In `triggering`, each `↓`
/// marks where a finding starts; it is removed before the text is linted.
public struct RuleExamples: Sendable {
    public struct Correction: Sendable {
        public let before: String
        public let after: String
        public init(_ before: String, _ after: String) {
            self.before = before
            self.after = after
        }
    }

    public let nonTriggering: [String]
    public let triggering: [String]
    public let corrections: [Correction]

    public init(nonTriggering: [String], triggering: [String], corrections: [Correction] = []) {
        self.nonTriggering = nonTriggering
        self.triggering = triggering
        self.corrections = corrections
    }

    public static let marker: Character = "↓"
}

public struct RuleOption: Sendable {
    /// The shape of an option's value, for the configuration's JSON Schema.
    public enum Kind: Sendable, Equatable {
        case strings
        case stringListsByKey
        case oneOf([String])
    }

    public let name: String
    public let summary: String
    /// The default, as YAML.
    public let defaultValue: String
    public let kind: Kind

    public init(_ name: String, _ summary: String, default defaultValue: String, kind: Kind = .strings) {
        self.name = name
        self.summary = summary
        self.defaultValue = defaultValue
        self.kind = kind
    }
}

public struct RuleDescription: Sendable {
    /// Whether the rule reads entries' fields, so its page points to the record model.
    public var readsRecords: Bool {
        ["entry-", "date-", "link-", "subjects-", "arxiv-", "field-"].contains { id.hasPrefix($0) }
    }

    /// Stable kebab-case id.
    public let id: String
    public let summary: String
    public let rationale: String
    public let defaultSeverity: Severity
    /// A note on severities that depend on the finding, for the docs.
    public let severityNote: String?
    /// The most a fix of this rule asks for, or nil when the rule has no fix.
    public let fix: Applicability?
    /// Which of the rule's fixes are safe or unsafe, and why: required when `fix` is not nil.
    public let fixNote: String?
    public let options: [RuleOption]
    public let examples: RuleExamples

    public init(
        id: String, summary: String, rationale: String, defaultSeverity: Severity, severityNote: String? = nil,
        fix: Applicability?, fixNote: String? = nil, options: [RuleOption] = [], examples: RuleExamples
    ) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.severityNote = severityNote
        self.fix = fix
        self.fixNote = fixNote
        self.options = options
        self.examples = examples
    }

}

/// What a rule sees: the note, and a place to put its findings.
public struct LintContext {
    let inputs: LintInputs
    /// The rule's identifier and default severity, which its findings carry.
    let ruleID: String
    let defaultSeverity: Severity
    public var note: Note { inputs.note }
    /// The day the rules take as today (the future starts tomorrow).
    public var today: CalendarDay { inputs.today }
    /// The values of `note.entries`, parsed once for all rules.
    public var entries: [EntryFacts] { inputs.entries }
    /// The fields an entry has, by kind.
    public var schema: EntrySchema { inputs.schema }
    /// Cached arXiv metadata, when the lint was given a store.
    public var arxiv: (any ArxivMetadataSource)? { inputs.arxiv }
    /// The note's file path as the user named it, when it has one (not for standard input or
    /// an unsaved buffer).
    public var path: String? { inputs.path }
    /// The lines whose findings are wanted: every line, except when a rule of `RuleScope.lines`
    /// re-checks the part of a note an edit changed; `entries` then holds only the entries there.
    public var lines: Range<Int> { inputs.lines }
    /// Every entry of the note, `entries` included: for what a rule of `RuleScope.lines` reads
    /// of the whole note (its `Rule.noteWideReading`).
    public var allEntries: [EntryFacts] { inputs.allEntries }
    /// The rule's `Rule.noteWideReading` of this note, when the lint has read it already (nil
    /// otherwise: the rule reads it from `allEntries` if it needs it).
    public let noteWideReading: Int?
    fileprivate(set) var diagnostics: [Diagnostic] = []

    init(_ inputs: LintInputs, ruleID: String, defaultSeverity: Severity, noteWideReading: Int? = nil) {
        self.inputs = inputs
        self.ruleID = ruleID
        self.defaultSeverity = defaultSeverity
        self.noteWideReading = noteWideReading
    }

    public var source: SourceText { note.source }

    /// The targets of the Markdown links on `lines` (`ProseLinkTargets.all`), found once for
    /// all the rules of a lint.
    var proseLinkTargets: [ProseLinkTargets.Target] { inputs.proseLinkTargets }

    /// Whether any of `lines` is among those checked.
    public func checks(_ lines: ClosedRange<Int>) -> Bool {
        lines.lowerBound < self.lines.upperBound && lines.upperBound >= self.lines.lowerBound
    }

    public mutating func report(
        _ message: String, at range: ByteRange, severity: Severity? = nil,
        related: [RelatedLocation] = [], fix: Fix? = nil, tags: [Diagnostic.Tag] = []
    ) {
        diagnostics.append(
            Diagnostic(
                ruleID: ruleID, severity: severity ?? defaultSeverity,
                message: message, range: range, related: related, fix: fix, tags: tags))
    }
}

/// What a rule's finding depends on, which decides what an edit makes it check again.
public enum RuleScope: Sendable {
    /// Each finding depends only on the entry it is in (the lines of `Entry.extent`) or, outside
    /// entries, on its own line, and on nothing else of the note: after an edit the rule checks
    /// only `LintContext.lines` and `LintContext.entries`, and its other findings are kept.
    case lines
    /// A finding may depend on anything in the note (other entries, footnotes, the note's habits).
    case note
}

/// What else than the note's entries (their fields' text and places) the findings of a rule of
/// `RuleScope.note` depend on, for a rule that reads nothing more: after an edit that leaves
/// every entry as it was, moved at most, and none of this, its findings are kept (moved).
public struct EntryDependence: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Messages name entries' lines: an edit that adds or removes a line checks again.
    public static let lineNumbers = EntryDependence(rawValue: 1 << 0)
    /// Entries are compared within the section their heading opens: an edit of a heading
    /// checks again.
    public static let headings = EntryDependence(rawValue: 1 << 1)
    /// The arXiv metadata of the entries' papers: kept only while the metadata source's
    /// fingerprint is the one the findings were made with.
    public static let arxiv = EntryDependence(rawValue: 1 << 2)
}

/// For a rule of `RuleScope.note` whose findings read the note's footnotes (definitions and
/// references: labels, keys, places) and, besides, only what this names: after an edit that
/// leaves every footnote as it was, moved at most, and the kinds of the lines around the edit
/// (code, HTML) as they were, its findings are kept (moved).
public struct FootnoteDependence: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Messages name footnotes' lines: an edit that adds or removes a line checks again.
    public static let lineNumbers = FootnoteDependence(rawValue: 1 << 0)
    /// Fixes append at the note's end: an edit that reaches its last lines checks again.
    public static let noteEnd = FootnoteDependence(rawValue: 1 << 1)
}

/// A rule: a value made from its options, that reports findings on a note.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// `.note` unless every finding is local (see `RuleScope.lines`).
    static var scope: RuleScope { get }
    /// For a rule of `.note` scope whose findings read the note's entries and nothing else
    /// but what this names; nil (the default) when they may read anything. A rule of `.lines`
    /// scope names `.arxiv` when its findings read arXiv's answers: a new answer (another
    /// fingerprint of the metadata source) checks the whole note.
    static var entryDependence: EntryDependence? { get }
    /// For a rule of `.note` scope whose findings read the note's footnotes and nothing else
    /// but what this names; nil (the default) when they may read anything.
    static var footnoteDependence: FootnoteDependence? { get }
    /// For a rule of `.lines` scope whose findings also read one thing of the whole note (the
    /// order its numeric dates show, its date style, the fields its entries keep): that thing,
    /// from every entry of `note`. After an
    /// edit that changes it, the rule checks the whole note again. nil (the default) for a rule
    /// that reads none.
    func noteWideReading(_ entries: [EntryFacts], of note: Note, schema: EntrySchema) -> Int?
    /// Builds the rule from the options of its configuration entry (already checked to be
    /// among the described ones); throws a message for a value of the wrong shape.
    init(options: RuleOptions) throws
    func check(_ context: inout LintContext)
    /// Fields the rule needs the parser to recognise as entry keys.
    var entryFields: [String] { get }
}

extension Rule {
    public var entryFields: [String] { [] }
    public static var scope: RuleScope { .note }
    public static var entryDependence: EntryDependence? { nil }
    public static var footnoteDependence: FootnoteDependence? { nil }
    public func noteWideReading(_ entries: [EntryFacts], of note: Note, schema: EntrySchema) -> Int? { nil }
}
