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

    /// Each entry is checked alone against the fields the note's entries keep, its note-wide
    /// reading: an edit that changes which they keep checks the whole note again.
    static let scope = RuleScope.lines

    func noteWideReading(_ entries: [EntryFacts], of note: Note, schema: EntrySchema) -> Int? {
        Expectation(self, entries: entries, vocabulary: note.vocabulary, schema: schema).expected.reduce(0) { $0 | 1 << $1 }
    }

    func check(_ context: inout LintContext) {
        // The note's reading only when some entry here takes part: an edit of prose checks none.
        guard context.entries.contains(where: Expectation.counts) else { return }
        let vocabulary = context.note.vocabulary
        let expectation = Expectation(
            self, entries: context.allEntries, vocabulary: vocabulary, schema: context.schema, reading: context.noteWideReading)
        guard !expectation.expected.isEmpty else { return }
        for facts in context.entries where Expectation.counts(facts) {
            let entry = facts.entry
            let missing = expectation.expected.filter { !expectation.has(facts, $0) }.map { expectation.required[$0] }
            guard !missing.isEmpty else { continue }
            let suggested = entry.fields.compactMap { FieldSuggestion.field(for: $0, in: entry, vocabulary: vocabulary) }
            let firstField = entry.fields.min { $0.range.start < $1.range.start }!
            let firstLine = context.source.lineContent(firstField.line)
            let anchor = ByteRange(firstField.keyRange.start, max(firstLine.end, firstField.keyRange.start))
            for field in missing where !suggested.contains(where: { Field.sameKey($0, field) }) {
                context.report("entry has no `\(field)` field", at: anchor, severity: expectation.votes ? .info : nil)
            }
        }
    }

    /// The fields every entry should have: the required ones, or, when the note's entries vote,
    /// those more than half of its non-blank entries have.
    private struct Expectation {
        let required: [String]
        /// Per required field, the roles that satisfy it (none: only a field of its name does).
        let satisfying: [UInt32]
        let votes: Bool
        /// Indices into `required`.
        let expected: [Int]

        /// With `reading`, the expected fields' bits as `noteWideReading` gave them, the entries
        /// are not counted again.
        init(_ rule: EntryMissingField, entries: [EntryFacts], vocabulary: FieldVocabulary, schema: EntrySchema, reading: Int? = nil) {
            required = rule.required ?? schema.required
            votes = rule.required == nil && schema == .readingList
            satisfying = required.map { name in
                schema.roles(satisfying: name).union(vocabulary.role(of: name).map { [$0] } ?? []).reduce(0) { $0 | $1.bit }
            }
            guard votes else {
                expected = Array(required.indices)
                return
            }
            if let reading {
                expected = required.indices.filter { reading & 1 << $0 != 0 }
                return
            }
            var counted = 0
            var having = [Int](repeating: 0, count: required.count)
            for facts in entries where Self.counts(facts) {
                counted += 1
                for index in required.indices where Self.has(facts, index, required: required, satisfying: satisfying) {
                    having[index] += 1
                }
            }
            expected = required.indices.filter { 2 * having[$0] > counted }
        }

        /// Whether the entry takes part: neither the front matter nor a blank entry.
        static func counts(_ facts: EntryFacts) -> Bool { facts.entry.shape != .frontMatter && !facts.isBlank }

        func has(_ facts: EntryFacts, _ index: Int) -> Bool { Self.has(facts, index, required: required, satisfying: satisfying) }

        private static func has(_ facts: EntryFacts, _ index: Int, required: [String], satisfying: [UInt32]) -> Bool {
            if satisfying[index] == 0 { return facts.entry.field(required[index]) != nil }
            return facts.roleBits & satisfying[index] != 0
        }
    }
}
