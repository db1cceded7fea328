import NoteSyntax

public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// How freely a fix may be applied: `safe` by `--fix` and fix-all, `unsafe` only when asked
/// for, `suggestion` shown and never applied automatically.
public enum Applicability: String, Sendable, CaseIterable, Comparable, Codable {
    case safe
    case unsafe
    case suggestion

    private var rank: Int {
        switch self {
        case .safe: return 0
        case .unsafe: return 1
        case .suggestion: return 2
        }
    }

    public static func < (lhs: Applicability, rhs: Applicability) -> Bool { lhs.rank < rhs.rank }
}

/// A replacement of a byte range of the original text. An empty range inserts.
public struct TextEdit: Sendable, Equatable {
    public let range: ByteRange
    public let newText: String

    public init(range: ByteRange, newText: String) {
        self.range = range
        self.newText = newText
    }

    public static func insert(_ text: String, at offset: Int) -> TextEdit {
        TextEdit(range: .empty(at: offset), newText: text)
    }

    public static func delete(_ range: ByteRange) -> TextEdit { TextEdit(range: range, newText: "") }
}

public struct Fix: Sendable, Equatable {
    /// Imperative: "Insert a blank line".
    public let title: String
    public let applicability: Applicability
    public let edits: [TextEdit]

    public init(title: String, applicability: Applicability, edits: [TextEdit]) {
        self.title = title
        self.applicability = applicability
        self.edits = edits
    }
}

/// Another place in the same note that explains a finding (the first of two duplicates).
public struct RelatedLocation: Sendable, Equatable {
    public let range: ByteRange
    public let message: String

    public init(range: ByteRange, message: String) {
        self.range = range
        self.message = message
    }
}

public struct Diagnostic: Sendable, Equatable {
    public enum Tag: String, Sendable {
        /// Code that does nothing: editors fade it (an unused footnote definition).
        case unnecessary
    }

    public let ruleID: String
    public var severity: Severity
    /// Lower-case, no trailing period.
    public let message: String
    public let range: ByteRange
    public let related: [RelatedLocation]
    public let fix: Fix?
    public let tags: [Tag]

    public init(
        ruleID: String, severity: Severity, message: String, range: ByteRange,
        related: [RelatedLocation] = [], fix: Fix? = nil, tags: [Tag] = []
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.range = range
        self.related = related
        self.fix = fix
        self.tags = tags
    }
}
