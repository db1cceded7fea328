import NoteSyntax

struct EntryMissingField: Rule {
    static let description = RuleDescription(
        id: "entry-missing-field",
        summary: "a required field has no line in an entry",
        rationale: """
            Every entry of a reading list should say what it is, where to find it and when it appeared. \
            A field that is present but empty is `entry-empty-field`'s business; a misspelt key that is \
            close to the missing field is reported by `entry-unknown-field` instead.
            """,
        defaultSeverity: .warning,
        fix: nil,
        options: [RuleOption("required", "fields every non-blank entry must have (default: the required fields of `entries`)",
                             default: "[Title, Link, Date]")],
        examples: RuleExamples(
            nonTriggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n",
                "Titel: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n",
            ],
            triggering: [
                "↓Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\n",
            ]
        )
    )

    /// Set by the option; otherwise the schema's required fields.
    let required: [String]?

    init(options: RuleOptions) throws {
        required = options.values["required"] == nil ? nil : try options.strings("required", default: [])
    }

    var entryFields: [String] { required ?? [] }

    func check(_ context: inout LintContext) {
        let known = context.note.knownFields
        let required = self.required ?? context.schema.required
        for entry in context.note.entries where !entry.isBlank {
            let missing = required.filter { entry.field($0) == nil }
            guard !missing.isEmpty else { continue }
            let suggested = entry.fields.compactMap { FieldSuggestion.field(for: $0.key, in: entry, known: known) }
            let firstLine = context.source.lineContent(entry.lines.lowerBound)
            let anchor = ByteRange(entry.fields[0].keyRange.start, firstLine.end)
            for field in missing where !suggested.contains(where: { Field.sameKey($0, field) }) {
                context.report("entry has no `\(field)` field", at: anchor)
            }
        }
    }
}
