/// What arXiv says about one paper, as read from its Atom entry: whitespace in the title and
/// abstract normalized, TeX kept.
public struct ArxivMetadata: Sendable, Equatable, Codable {
    /// The identifier without version (`2104.09864`, `hep-th/9901001`).
    public let id: String
    /// The version the entry describes.
    public let version: Int?
    public let title: String
    public let summary: String
    public let authors: [String]
    /// `<published>`, the v1 submission time, as sent (`2021-04-20T09:54:06Z`).
    public let published: String
    /// `<updated>`, the returned version's time, as sent.
    public let updated: String
    /// The UTC calendar day of `published`: the date a note writes.
    public let submitted: Day
    public let primaryCategory: String
    /// Every category, the primary one first, cross-lists after it, without repeats.
    public let categories: [String]
    public let doi: String?
    public let journalReference: String?
    public let comment: String?
    /// Set where the source said so (the local index); otherwise read from the comment and
    /// the abstract (`isWithdrawn`). Answers cached before it existed decode without it.
    let withdrawal: Bool?

    /// The latest version withdraws the paper: the source marked it, or its comment says
    /// "withdrawn", or its abstract is arXiv's notice that it "has been withdrawn".
    public var isWithdrawn: Bool {
        withdrawal ?? Self.saysWithdrawn(comment: comment, summary: summary)
    }

    public static func saysWithdrawn(comment: String?, summary: String) -> Bool {
        (comment?.lowercased().contains("withdrawn") ?? false) || summary.prefix(200).lowercased().contains("has been withdrawn")
    }

    public struct Day: Sendable, Equatable, Codable {
        public let year: Int
        public let month: Int
        public let day: Int

        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }
    }

    public init(
        id: String, version: Int?, title: String, summary: String, authors: [String], published: String,
        updated: String, submitted: Day, primaryCategory: String, categories: [String], doi: String? = nil,
        journalReference: String? = nil, comment: String? = nil, withdrawn: Bool? = nil
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.authors = authors
        self.published = published
        self.updated = updated
        self.submitted = submitted
        self.primaryCategory = primaryCategory
        var ordered = [primaryCategory]
        for category in categories where !ordered.contains(category) { ordered.append(category) }
        self.categories = ordered
        self.doi = doi
        self.journalReference = journalReference
        self.comment = comment
        self.withdrawal = withdrawn
    }

    /// arXiv's own rendering: `Computation and Language (cs.CL); Artificial Intelligence (cs.AI)`,
    /// primary first; a code the taxonomy does not know is written bare.
    public var subjectsLine: String {
        categories.map { code in
            ArxivTaxonomy.category(code).map { "\($0.name) (\($0.id))" } ?? code
        }.joined(separator: "; ")
    }

    /// The abstract's first sentences, at most about `limit` characters.
    public func abstractOpening(limit: Int = 300) -> String {
        var result = ""
        var sentence = ""
        for character in summary {
            sentence.append(character)
            if character == "." || character == "?" || character == "!" {
                if !result.isEmpty && result.count + sentence.count > limit { break }
                result += sentence
                sentence = ""
                if result.count >= limit / 2 { break }
            }
        }
        if result.isEmpty { result = String(summary.prefix(limit)) + (summary.count > limit ? "…" : "") }
        return result.trimmingSpaces()
    }
}

extension String {
    /// Runs of spaces, tabs and line breaks made one space, none at either end.
    public func collapsingWhitespace() -> String {
        split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}

/// What a metadata source knows of one identifier.
public enum ArxivLookup: Sendable, Equatable {
    case found(ArxivMetadata)
    /// arXiv answered that the identifier does not exist.
    case notFound
}

/// Where the lint reads arXiv metadata: a local store, never the network, so that linting
/// stays offline and fast. The CLI and the server inject the on-disk cache; tests inject a
/// dictionary.
public protocol ArxivMetadataSource: Sendable {
    /// What is known of `identifier` (its version, when written, is part of the question);
    /// nil when nothing is known.
    func lookup(_ identifier: ArxivIdentifier) -> ArxivLookup?
    /// Changes whenever an answer may change, so that result caches keyed on the linter see it.
    var fingerprint: String { get }
    /// The answers as they are now, for many lookups in a row (one lint asks of every entry,
    /// in several rules): a store on disk answers from memory until it changes.
    func snapshot() -> any ArxivMetadataSource
    /// True when `lookup` answers nil whatever it is asked (an empty cache), so that rules
    /// need not ask for every entry.
    var answersNothing: Bool { get }
}

extension ArxivMetadataSource {
    public func snapshot() -> any ArxivMetadataSource { self }
    public var answersNothing: Bool { false }
}

/// A source's answers as they were when a run began, for a command that reads them for many
/// notes at once (`check`): each note's lint would take a snapshot of its own and spell its
/// fingerprint, two `stat`s of the cache folder a note, four thousand on a 2,000-note vault.
/// A server, whose cache fills while it runs, takes a snapshot per lint instead.
public struct SettledMetadataSource: ArxivMetadataSource {
    private let settled: any ArxivMetadataSource
    public let fingerprint: String
    public let answersNothing: Bool

    public init(_ source: any ArxivMetadataSource) {
        settled = source.snapshot()
        fingerprint = settled.fingerprint
        answersNothing = settled.answersNothing
    }

    public func lookup(_ identifier: ArxivIdentifier) -> ArxivLookup? { settled.lookup(identifier) }

    public func snapshot() -> any ArxivMetadataSource { self }
}

/// A fixed set of answers, keyed by identifier as written (`2104.09864`, `2106.04570v1`).
public struct ArxivMetadataTable: ArxivMetadataSource {
    public let answers: [String: ArxivLookup]

    public init(_ answers: [String: ArxivLookup]) { self.answers = answers }

    public func lookup(_ identifier: ArxivIdentifier) -> ArxivLookup? {
        answers[identifier.description] ?? (identifier.version == nil ? nil : answers[identifier.id])
    }

    public var fingerprint: String { "table:\(answers.count)" }
}

/// A store that finds papers by title (the local index).
public protocol ArxivTitleSearch: Sendable {
    /// Papers whose title holds the words of `title`, best first; `typing`: the last word may
    /// be the start of one (a title being typed), not a whole word (a title written).
    func papers(titled title: String, limit: Int, typing: Bool) -> [ArxivMetadata]
}
