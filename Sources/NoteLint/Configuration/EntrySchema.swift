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
    }

    public struct FieldSpec: Sendable, Equatable {
        public let name: String
        public let kind: Kind
        public let required: Bool
    }

    public let fields: [FieldSpec]

    public init(fields: [FieldSpec]) {
        self.fields = fields
    }

    public static let readingList = EntrySchema(fields: [
        FieldSpec(name: "Title", kind: .text, required: true),
        FieldSpec(name: "Link", kind: .url, required: true),
        FieldSpec(name: "Date", kind: .date, required: true),
        FieldSpec(name: "Subjects", kind: .arxivSubjects, required: false),
    ])

    public var names: [String] { fields.map(\.name) }
    public var required: [String] { fields.filter(\.required).map(\.name) }

    /// The names of the fields of a kind, in order.
    public func names(of kind: Kind) -> [String] { fields.filter { $0.kind == kind }.map(\.name) }

    /// The first of an entry's fields of a kind (the first text field is its title).
    public func field(_ kind: Kind, in entry: Entry) -> Field? {
        for name in names(of: kind) {
            if let field = entry.field(name) { return field }
        }
        return nil
    }

    public func kind(of key: String) -> Kind? {
        fields.first { Field.sameKey($0.name, key) }?.kind
    }

    /// Reads `entries: {fields: {Name: kind, Name: {kind: ..., required: true}}}`.
    static func parse(_ value: YAMLValue, source: ConfigurationSource) throws -> EntrySchema {
        guard case .mapping(let pairs, _) = value else {
            throw ConfigurationError(message: "`entries` is a mapping with `fields`", source: source, offset: value.range.start)
        }
        var specs: [FieldSpec] = []
        for pair in pairs {
            guard pair.key.scalarText == "fields" else {
                throw Configuration.unknownName("key", pair.key.scalarText ?? "?", candidates: ["fields"], source: source, offset: pair.key.range.start)
            }
            guard case .mapping(let fields, _) = pair.value, !fields.isEmpty else {
                throw ConfigurationError(message: "`fields` maps each field name to its kind", source: source, offset: pair.value.range.start)
            }
            for field in fields {
                guard let name = field.key.scalarText, !name.isEmpty else {
                    throw ConfigurationError(message: "expected a field name", source: source, offset: field.key.range.start)
                }
                specs.append(try spec(name, field.value, source: source))
            }
        }
        return EntrySchema(fields: specs)
    }

    private static func spec(_ name: String, _ value: YAMLValue, source: ConfigurationSource) throws -> FieldSpec {
        func kind(_ text: String?, at offset: Int) throws -> Kind {
            guard let text, let kind = Kind(rawValue: text) else {
                throw Configuration.unknownName("kind", text ?? "?", candidates: Kind.allCases.map(\.rawValue), source: source, offset: offset)
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
                    throw Configuration.unknownName("field setting", pair.key.scalarText ?? "?", candidates: ["kind", "required"],
                                                    source: source, offset: pair.key.range.start)
                }
            }
            return FieldSpec(name: name, kind: found, required: required)
        default:
            throw ConfigurationError(message: "a field is a kind, or {kind: ..., required: ...}", source: source, offset: value.range.start)
        }
    }
}
