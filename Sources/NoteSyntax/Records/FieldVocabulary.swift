/// What a field says about a paper, whatever its key is called. Rules read fields by role:
/// `URL:` and `Link:` both feed the link rules, `Year:` the date rules.
public enum FieldRole: String, Sendable, CaseIterable {
    case title, link, pdf, doi, date, year, subjects, authors, venue, code, tags, summary, notes, status, rating, citation

    /// Roles that name the paper or where it is (`Cite as: arXiv:...` does both): a record has
    /// at least one.
    public var isIdentifying: Bool {
        switch self {
        case .title, .link, .pdf, .doi, .citation: return true
        default: return false
        }
    }

    /// One bit per role, for sets of roles that cost no allocation.
    public var bit: UInt32 {
        switch self {
        case .title: return 1 << 0
        case .link: return 1 << 1
        case .pdf: return 1 << 2
        case .doi: return 1 << 3
        case .date: return 1 << 4
        case .year: return 1 << 5
        case .subjects: return 1 << 6
        case .authors: return 1 << 7
        case .venue: return 1 << 8
        case .code: return 1 << 9
        case .tags: return 1 << 10
        case .summary: return 1 << 11
        case .notes: return 1 << 12
        case .status: return 1 << 13
        case .rating: return 1 << 14
        case .citation: return 1 << 15
        }
    }

    static let identifyingBits: UInt32 = allCases.filter(\.isIdentifying).reduce(0) { $0 | $1.bit }

    /// Roles whose values must fit them to count as evidence of a record (`isEvidence`).
    var needsEvidence: Bool {
        switch self {
        case .link, .pdf, .doi, .code, .date, .year: return true
        default: return false
        }
    }

    /// Roles whose value is a place on the web.
    public var isLocation: Bool {
        switch self {
        case .link, .pdf, .doi: return true
        default: return false
        }
    }

    /// The key a field of this role gets when the note implies it (a heading as the title,
    /// the target of `Title: [text](link)`).
    public var impliedKey: String {
        switch self {
        case .pdf: return "PDF"
        case .doi: return "DOI"
        default: return rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }
}

/// The keys notelint knows, each with its role, compared case-insensitively. The default
/// knows the fields people use in reading lists; a configuration adds its own.
public struct FieldVocabulary: Sendable, Equatable {
    /// Lower-cased key -> role; nil for a key known to the configuration without a role.
    private var roles: [String: FieldRole?]
    /// What an ASCII key must look like to be in `roles`: per lower-cased first byte, a bit per
    /// length in bytes (bit 63: longer). Most keys a note's lines offer (`Note`, `Returns`,
    /// `Example`) are unknown, and are told so without hashing them twice and lower-casing them.
    /// Nil when a key of `roles` is not ASCII: it could equal an ASCII key (U+212A is `K`).
    private let asciiShapes: [UInt64]?

    public static let defaultKeys: [(String, FieldRole)] = [
        ("Title", .title), ("Paper", .title), ("Paper Title", .title),
        ("Link", .link), ("URL", .link), ("Paper Link", .link), ("Paper URL", .link), ("Abs", .link),
        ("arXiv", .link), ("arXiv Link", .link), ("Website", .link), ("Project Page", .link),
        ("PDF", .pdf), ("Paper PDF", .pdf),
        ("DOI", .doi),
        ("Date", .date), ("Published", .date), ("Submitted", .date), ("Published Date", .date),
        ("Year", .year),
        ("Subjects", .subjects), ("Categories", .subjects), ("arXiv Categories", .subjects),
        ("Authors", .authors), ("Author", .authors), ("By", .authors),
        ("Venue", .venue), ("Conference", .venue), ("Journal", .venue), ("Booktitle", .venue), ("Published In", .venue),
        ("Code", .code), ("GitHub", .code), ("Repo", .code), ("Repository", .code), ("Implementation", .code),
        ("Links", .link), ("URLs", .link),
        ("Tags", .tags), ("Tag", .tags), ("Keywords", .tags), ("Keyword", .tags), ("Topics", .tags), ("Topic", .tags),
        ("Summary", .summary), ("Abstract", .summary), ("TL;DR", .summary), ("TLDR", .summary), ("Key Idea", .summary),
        ("Contribution", .summary), ("Contributions", .summary),
        ("Notes", .notes), ("Note", .notes), ("Comments", .notes), ("Comment", .notes), ("Thoughts", .notes),
        ("Remarks", .notes), ("Review", .notes),
        ("Status", .status), ("Read", .status), ("Priority", .status),
        ("Rating", .rating), ("Stars", .rating), ("Score", .rating),
        ("Cite as", .citation), ("Citation", .citation),
    ]

    /// Keys people give their records that no rule reads; known, so never reported.
    public static let defaultKeysWithoutRole = [
        "Data", "Dataset", "Datasets", "Model", "Models", "Method", "Methods", "Task", "Tasks", "Results", "Problem", "Idea",
        "Approach", "Motivation", "Limitations", "Questions", "Takeaways", "Institution", "Affiliation", "Affiliations",
        "Publisher", "Pages", "Volume", "Issue", "ISBN", "Citations", "Language", "Type", "Domain", "Field", "Area",
        "Added", "Created", "Updated", "Modified", "Slides", "Video", "Talk", "Blog", "Poster", "Demo", "Project",
        "Dataset Link", "Benchmark", "Metrics", "Key Words", "Short Title", "Item Type", "Extra", "Alias", "Aliases",
    ]

    public static let standard = FieldVocabulary(extra: [])

    /// The default keys, lower-cased and capitalized, built once: every linter starts from them.
    private static let defaultRoles: [String: FieldRole?] = {
        var roles: [String: FieldRole?] = [:]
        for (key, role) in defaultKeys { roles[key.lowercased()] = role }
        for key in defaultKeysWithoutRole { roles[key.lowercased()] = .some(nil) }
        for (key, role) in roles { roles[capitalized(key)] = role }
        return roles
    }()

    /// The default keys plus `extra`: a key the default knows keeps its role unless `extra`
    /// gives one; a new key gets the role given, or none.
    public init(extra: [(key: String, role: FieldRole?)]) {
        var roles = Self.defaultRoles
        for (key, role) in extra {
            let folded = key.lowercased()
            if let role {
                roles[folded] = role
            } else if roles[folded] == nil {
                roles[folded] = .some(nil)
            } else {
                continue
            }
            // The spellings notes use most (`Title`, `title`) are found without lower-casing.
            roles[Self.capitalized(folded)] = roles[folded]
        }
        self.roles = roles
        asciiShapes = Self.shapes(of: roles.keys)
    }

    private static func shapes(of keys: Dictionary<String, FieldRole?>.Keys) -> [UInt64]? {
        var shapes = [UInt64](repeating: 0, count: 128)
        for key in keys {
            guard let first = key.utf8.first, key.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            shapes[Int(ASCIIByte.lowercased(first))] |= 1 << UInt64(min(key.utf8.count, 63))
        }
        return shapes
    }

    /// Whether `key` cannot be in `roles`: ASCII, and no key of its first letter and length is.
    private func cannotHold(_ key: String) -> Bool {
        guard let asciiShapes else { return false }
        var key = key
        return key.withUTF8 { bytes in
            guard let first = bytes.first, bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            return asciiShapes[Int(ASCIIByte.lowercased(first))] & (1 << UInt64(min(bytes.count, 63))) == 0
        }
    }

    private static func capitalized(_ key: String) -> String { key.prefix(1).uppercased() + key.dropFirst() }

    public func isKnown(_ key: String) -> Bool { entry(key) != nil }

    /// The role of a known key; nil when the key is unknown or has no role.
    public func role(of key: String) -> FieldRole? { entry(key) ?? nil }

    /// Keys as written are looked up first: lower-casing every key read costs an allocation.
    private func entry(_ key: String) -> FieldRole?? {
        if cannotHold(key) { return nil }
        if let found = roles[key] { return found }
        return roles[key.lowercased()]
    }

    /// The keys a misspelt key may have meant: those with a role, as the vocabulary writes
    /// them.
    public var suggestibleKeys: [String] {
        Self.defaultSuggestions.filter { role(of: $0) != nil } + extraKeysWithRole
    }

    /// The default keys a misspelt key is compared with: each role's usual names. An alias
    /// that is an ordinary word with neighbours of its own (`Stars` beside `Start`, `Read`
    /// beside `Real`) or a phrase (`Published Date` beside `Publish Date`) would turn a key
    /// the author chose into a "typo".
    static let defaultSuggestions = [
        "Title", "Link", "URL", "PDF", "DOI", "Date", "Year", "Subjects", "Categories", "Authors", "Venue", "Conference",
        "Journal", "Code", "GitHub", "Tags", "Keywords", "Summary", "Abstract", "Notes", "Comments", "Status", "Rating",
        "Citation",
    ]

    private var extraKeysWithRole: [String] {
        let defaults = Set(Self.defaultKeys.map { $0.0.lowercased() })
        return roles.filter { $0.key == $0.key.lowercased() && !defaults.contains($0.key) && $0.value != nil }.keys.sorted()
    }
}
