import NoteSyntax

struct EntryUnknownField: Rule {
    static let scope = RuleScope.lines

    static let description = RuleDescription(
        id: "entry-unknown-field",
        summary: "an entry key that is not a known field",
        rationale: """
            A misspelt key (`Titel`) hides the field from every tool that reads entries. When the usual \
            name of a field the entry lacks (Title, Link, URL, Date, Authors...) is one edit away (a \
            letter added, dropped or changed, or two swapped; two edits for keys of eight letters or \
            more), the finding is a warning that names it and offers to rename the key. Any other key notelint does not know is reported at info: people keep fields of \
            their own (`Dataset`, `Reviewer`), and many are known already (Authors, Year, Venue, DOI, Code, \
            Tags, Summary, Notes, Status, Rating and their aliases; see docs/records.md). Add your own \
            fields to the `known` option.
            """,
        defaultSeverity: .warning,
        severityNote: "warning for a near miss of a known field, info for any other unknown key",
        fix: .unsafe,
        fixNote: """
            Unsafe: renaming the key to the nearest known field is a guess, and it changes which \
            field the value belongs to.
            """,
        options: [
            RuleOption(
                "known", "fields an entry may have besides those notelint knows and those of `entries`",
                default: "[]")
        ],
        examples: RuleExamples(
            nonTriggering: [
                "Title: RoFormer\nlink: https://arxiv.org/abs/2104.09864\nDATE: 20 Apr 2021\n",
                "- **Title**: RoFormer\n- **URL**: https://arxiv.org/abs/2104.09864\n- **Authors**: J. Su\n- **Year**: 2021\n",
            ],
            triggering: [
                "Title: RoFormer\n↓Lnk: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n↓Reviewer: ACL\n"
            ],
            corrections: [
                .init(
                    "Titel: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 2021\n",
                    "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 2021\n")
            ]
        )
    )

    let known: [String]

    init(options: RuleOptions) throws {
        known = try options.strings("known", default: [])
    }

    var entryFields: [String] { known }

    func check(_ context: inout LintContext) {
        let vocabulary = context.note.vocabulary
        var reportedHeaders = Set<Int>()
        for entry in context.entries.lazy.map(\.entry) where entry.isWrittenAsLines || entry.shape == .tableRow {
            // By index: `for field in` copies every field, and nearly every one is known.
            let fields = entry.fields
            for index in fields.indices where fields[index].role == nil && !vocabulary.isKnown(fields[index].key) {
                let field = fields[index]
                // A table's header is reported once, not on every row.
                if field.origin == .tableCell && !reportedHeaders.insert(field.keyRange.start).inserted { continue }
                guard field.origin == .line || field.origin == .tableCell else { continue }
                if let suggestion = FieldSuggestion.field(for: field, in: entry, vocabulary: vocabulary) {
                    let fix = Fix(
                        title: "Rename `\(quoted: field.key)` to `\(suggestion)`", applicability: .unsafe,
                        edits: [TextEdit(range: field.keyRange, newText: suggestion)])
                    context.report("unknown field `\(quoted: field.key)`; did you mean `\(suggestion)`?", at: field.keyRange, fix: fix)
                } else {
                    context.report("unknown field `\(quoted: field.key)`", at: field.keyRange, severity: .info)
                }
            }
        }
    }
}
