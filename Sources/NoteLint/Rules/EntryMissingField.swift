import NoteSyntax

struct EntryMissingField: Rule {
    static let description = RuleDescription(
        id: "entry-missing-field",
        summary: "a required field has no line in an entry",
        rationale: """
            Every entry of a reading list should say what it is, where to find it and when it appeared. \
            Any field of the role counts: a URL, PDF or DOI is a link, a Year is a date, a heading above the \
            fields is the title. With the default configuration a field is expected only where the note's \
            own entries keep it: when more than half of its non-blank entries have it, the others should \
            too, and a reading list that never writes dates gets no finding. A schema in the configuration \
            (`entries` with `required: true`) or this rule's `required` option makes a field required in \
            every entry. A field that is present but empty is `entry-empty-field`'s business; a misspelt \
            key that is close to the missing field is reported by `entry-unknown-field` instead.
            """,
        defaultSeverity: .warning,
        severityNote:
            "warning for a field the configuration requires (`entries` or `required`), info for one the note's other entries have",
        fix: nil,
        options: [
            RuleOption(
                "required",
                "fields every non-blank entry must have (default: the required fields of `entries`, where the note's entries keep them)",
                default: "[Title, Link, Date]")
        ],
        examples: RuleExamples(
            nonTriggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n",
                "Titel: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n",
                "Title: RoFormer\nURL: https://arxiv.org/abs/2104.09864\nYear: 2021\n",
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\n\nTitle: BERT\nLink: https://arxiv.org/abs/1810.04805\n",
            ],
            triggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 2021\n\nTitle: GPT-3\nLink: https://arxiv.org/abs/2005.14165\nYear: 2020\n\n↓Title: BERT\nLink: https://arxiv.org/abs/1810.04805\n"
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
        let vocabulary = context.note.vocabulary
        let required = self.required ?? context.schema.required
        // The default schema asks only for what the note's own entries keep.
        let votes = self.required == nil && context.schema == .readingList
        let notes = context.note.entries
        let entries = notes.indices.filter { notes[$0].shape != .frontMatter && !notes[$0].isBlank }
        // The roles that meet each required field, worked out once.
        let satisfying: [UInt32] = required.map { name in
            context.schema.roles(satisfying: name).union(vocabulary.role(of: name).map { [$0] } ?? []).reduce(0) { $0 | $1.bit }
        }
        // Each entry's roles, read once.
        let roles = entries.map { notes[$0].fields.reduce(UInt32(0)) { $0 | ($1.role?.bit ?? 0) } }
        func has(_ position: Int, _ index: Int) -> Bool {
            // A field named only by the configuration has no role: it is found by its key.
            satisfying[index] == 0 ? notes[entries[position]].field(required[index]) != nil : roles[position] & satisfying[index] != 0
        }
        let expected = required.indices.filter { index in
            !votes || 2 * entries.indices.count { has($0, index) } > entries.count
        }
        guard !expected.isEmpty else { return }
        for position in entries.indices {
            let missing = expected.filter { !has(position, $0) }.map { required[$0] }
            let entry = notes[entries[position]]
            guard !missing.isEmpty else { continue }
            let suggested = entry.fields.compactMap { FieldSuggestion.field(for: $0, in: entry, vocabulary: vocabulary) }
            let firstField = entry.fields.min { $0.range.start < $1.range.start }!
            let firstLine = context.source.lineContent(firstField.line)
            let anchor = ByteRange(firstField.keyRange.start, max(firstLine.end, firstField.keyRange.start))
            for field in missing where !suggested.contains(where: { Field.sameKey($0, field) }) {
                // What the note's own habit asks is a hint; what the configuration requires, a warning.
                context.report("entry has no `\(field)` field", at: anchor, severity: votes ? .info : nil)
            }
        }
    }
}
