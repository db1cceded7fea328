import NoteSyntax

/// What an entry holds: its fields, which are required, and what kind of value each has. The
/// kind decides which rules read a field: `date` fields get the date rules, `url` fields the
/// link and arXiv rules, `arxiv-subjects` fields the subjects rules; the first `text` field is
/// the entry's title (for duplicates). The default is the reading list's
/// Title / Link / Date / Subjects.
public struct EntrySchema: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case text
        case url
        case date
        case arxivSubjects = "arxiv-subjects"
        case list

        /// The kind's place in `allCases`, without building that array.
        var index: Int {
            switch self {
            case .text: return 0
            case .url: return 1
            case .date: return 2
            case .arxivSubjects: return 3
            case .list: return 4
            }
        }
    }

    public struct FieldSpec: Sendable, Equatable {
        public let name: String
        public let kind: Kind
        public let required: Bool
    }

    public let fields: [FieldSpec]
    /// The names of each kind's fields, in order, by `Kind.allCases` index: every entry of every
    /// note asks for them.
    private let namesByKind: [[SchemaFieldName]]
    /// The names of the kinds an entry's facts read (text, url, date, arxiv-subjects), in that
    /// order and each kind's in its order, and where each kind's begin (`factNameStarts[k]` to
    /// `factNameStarts[k + 1]`): matched against an entry's keys in one pass.
    private let factNames: [SchemaFieldName]
    private let factNameStarts: [Int]

    public init(fields: [FieldSpec]) {
        self.fields = fields
        let byKind = Kind.allCases.map { kind in fields.filter { $0.kind == kind }.map { SchemaFieldName($0.name) } }
        namesByKind = byKind
        let factKinds = [Kind.text, .url, .date, .arxivSubjects]
        factNames = factKinds.flatMap { byKind[$0.index] }
        factNameStarts = factKinds.reduce(into: [0]) { $0.append($0.last! + byKind[$1.index].count) }
    }

    public static func == (lhs: EntrySchema, rhs: EntrySchema) -> Bool { lhs.fields == rhs.fields }

    public static let readingList = EntrySchema(fields: [
        FieldSpec(name: "Title", kind: .text, required: true),
        FieldSpec(name: "Link", kind: .url, required: true),
        FieldSpec(name: "Date", kind: .date, required: true),
        FieldSpec(name: "Subjects", kind: .arxivSubjects, required: false),
    ])

    public var names: [String] { fields.map(\.name) }
    public var required: [String] { fields.filter(\.required).map(\.name) }

    /// The names of the fields of a kind, in order.
    public func names(of kind: Kind) -> [String] { namesByKind[kind.index].map(\.name) }

    /// The first of an entry's fields of a kind: the schema's own names first, then the
    /// fields whose role is of that kind (the first text field is the title; a Year is a date).
    public func field(_ kind: Kind, in entry: Entry) -> Field? {
        fieldIndex(kind, in: entry).map { entry.fields[$0] }
    }

    /// Where `field(_:in:)` finds its field among the entry's fields.
    public func fieldIndex(_ kind: Kind, in entry: Entry) -> Int? {
        let fields = entry.fields
        for name in namesByKind[kind.index] {
            // The first field of that name, as `Entry.field(_:)` finds it; a link's target stands
            // for no other kind.
            guard let index = fields.indices.first(where: { name.matches(fields[$0].key) }) else { continue }
            if fields[index].origin != .linkTarget || kind == .url { return index }
        }
        return byRole(kind, in: fields)
    }

    /// The first field whose role is of `kind`, for an entry none of whose keys is a name the
    /// schema gives that kind.
    private func byRole(_ kind: Kind, in fields: [Field]) -> Int? {
        func first(_ roles: FieldRole...) -> Int? {
            for role in roles {
                if let index = fields.indices.first(where: { fields[$0].role == role }) { return index }
            }
            return nil
        }
        switch kind {
        case .text: return first(.title)
        case .url: return first(.link, .pdf) ?? first(.doi).flatMap { fields[$0].value.contains(ascii: "://") ? $0 : nil }
        case .date: return first(.date, .year)
        case .arxivSubjects: return first(.subjects)
        case .list: return nil
        }
    }

    /// `fieldIndex(_:in:)` of the text, url, date and arxiv-subjects kinds (-1 for none), with
    /// the entry's keys matched against the schema's names in one pass: every entry of every
    /// note asks.
    func factFieldIndices(in entry: Entry) -> (text: Int32, url: Int32, date: Int32, subjects: Int32) {
        let fields = entry.fields
        let names = factNames
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(names.count, 1)) { firstField in
            // The first field whose key is each name.
            firstField.initialize(repeating: -1)
            var unmatched = names.count
            for index in fields.indices where unmatched > 0 {
                let key = fields[index].key
                var keyBytes = key
                keyBytes.withUTF8 { bytes in
                    // Most keys and names are short ASCII words: compared as one word each.
                    let short = SchemaFieldName.ShortKey(bytes)
                    for name in names.indices where firstField[name] < 0 {
                        let matches =
                            if let short, let shortName = names[name].short { short == shortName } else {
                                names[name].matches(key, bytes: bytes)
                            }
                        if matches {
                            firstField[name] = Int32(index)
                            unmatched -= 1
                        }
                    }
                }
            }
            func index(_ kind: Kind, _ position: Int) -> Int32 {
                for name in factNameStarts[position]..<factNameStarts[position + 1] {
                    let field = firstField[name]
                    // A link's target stands for no other kind.
                    if field >= 0 && (fields[Int(field)].origin != .linkTarget || kind == .url) { return field }
                }
                return Int32(byRole(kind, in: fields) ?? -1)
            }
            return (index(.text, 0), index(.url, 1), index(.date, 2), index(.arxivSubjects, 3))
        }
    }

    /// The kind of a field: as the schema names it, else by its role.
    public func kind(of field: Field) -> Kind? {
        if let named = fields.first(where: { Field.sameKey($0.name, field.key) }) { return named.kind }
        switch field.role {
        case .title?: return .text
        case .link?, .pdf?, .doi?: return .url
        case .date?, .year?: return .date
        case .subjects?: return .arxivSubjects
        default: return nil
        }
    }

    public func kind(of key: String) -> Kind? {
        fields.first { Field.sameKey($0.name, key) }?.kind
    }

    /// The roles the schema's fields play: a url is a link, a date a date, the first text
    /// field the title; other fields keep the role the vocabulary gives their name.
    public var roles: [(key: String, role: FieldRole?)] {
        let title = namesByKind[Kind.text.index].first?.name
        return fields.map { field in
            switch field.kind {
            case .url: return (field.name, FieldVocabulary.standard.role(of: field.name).flatMap { $0.isLocation ? $0 : nil } ?? .link)
            case .date: return (field.name, FieldVocabulary.standard.role(of: field.name) == .year ? .year : .date)
            case .arxivSubjects: return (field.name, .subjects)
            case .text where field.name == title: return (field.name, .title)
            case .text, .list: return (field.name, nil)
            }
        }
    }

    /// The roles a required field can be met by: Link by a URL, PDF or DOI, Date by a Year.
    public func roles(satisfying name: String) -> Set<FieldRole> {
        guard let spec = fields.first(where: { Field.sameKey($0.name, name) }) else { return [] }
        switch spec.kind {
        case .url: return [.link, .pdf, .doi]
        case .date: return [.date, .year]
        case .arxivSubjects: return [.subjects]
        case .text where spec.name == namesByKind[Kind.text.index].first?.name: return [.title]
        default: return []
        }
    }

    /// Reads `entries: {fields: {Name: kind, Name: {kind: ..., required: true}}}`.
    static func parse(_ value: YAMLValue, source: ConfigurationSource) throws -> EntrySchema {
        guard case .mapping(let pairs, _) = value else {
            throw ConfigurationError(message: "`entries` is a mapping with `fields`", source: source, offset: value.range.start)
        }
        var specs: [FieldSpec] = []
        for pair in pairs {
            guard pair.key.scalarText == "fields" else {
                throw Configuration.unknownName(
                    "key", pair.key.scalarText ?? "?", candidates: ["fields"], source: source, offset: pair.key.range.start)
            }
            guard case .mapping(let fields, _) = pair.value, !fields.isEmpty else {
                throw ConfigurationError(
                    message: "`fields` maps each field name to its kind", source: source, offset: pair.value.range.start)
            }
            var problems = ConfigurationProblems()
            for field in fields {
                problems.collect {
                    guard let name = field.key.scalarText, !name.isEmpty else {
                        throw ConfigurationError(message: "expected a field name", source: source, offset: field.key.range.start)
                    }
                    specs.append(try spec(name, field.value, source: source))
                }
            }
            try problems.throwIfAny()
        }
        return EntrySchema(fields: specs)
    }

    private static func spec(_ name: String, _ value: YAMLValue, source: ConfigurationSource) throws -> FieldSpec {
        func kind(_ text: String?, at offset: Int) throws -> Kind {
            guard let text, let kind = Kind(rawValue: text) else {
                throw Configuration.unknownName(
                    "kind", text ?? "?", candidates: Kind.allCases.map(\.rawValue), source: source, offset: offset)
            }
            return kind
        }
        switch value {
        case .scalar(let text, let range):
            return FieldSpec(name: name, kind: try kind(text, at: range.start), required: false)
        case .mapping(let pairs, _):
            var found: Kind = .text
            var required = false
            for pair in pairs {
                switch pair.key.scalarText {
                case "kind": found = try kind(pair.value.scalarText, at: pair.value.range.start)
                case "required":
                    guard let text = pair.value.scalarText, text == "true" || text == "false" else {
                        throw ConfigurationError(message: "`required` is true or false", source: source, offset: pair.value.range.start)
                    }
                    required = text == "true"
                default:
                    throw Configuration.unknownName(
                        "field setting", pair.key.scalarText ?? "?", candidates: ["kind", "required"],
                        source: source, offset: pair.key.range.start)
                }
            }
            return FieldSpec(name: name, kind: found, required: required)
        default:
            throw ConfigurationError(message: "a field is a kind, or {kind: ..., required: ...}", source: source, offset: value.range.start)
        }
    }
}
