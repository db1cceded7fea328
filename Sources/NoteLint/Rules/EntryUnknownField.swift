import NoteSyntax

struct EntryUnknownField: Rule {
    static let description = RuleDescription(
        id: "entry-unknown-field",
        summary: "an entry key that is not a known field",
        rationale: """
            A misspelt key (`Titel`) hides the field from every tool that reads entries. When a known \
            field is one or two edits away, the finding names it and offers to rename the key. Add your \
            own fields to the `known` option.
            """,
        defaultSeverity: .warning,
        fix: .unsafe,
        options: [RuleOption("known", "fields an entry may have besides those of `entries`; they also decide what is an entry",
                             default: "[Title, Link, Date, Subjects]")],
        examples: RuleExamples(
            nonTriggering: [
                "Title: RoFormer\nlink: https://arxiv.org/abs/2104.09864\nDATE: 20 Apr 2021\n",
            ],
            triggering: [
                "Title: RoFormer\n↓Lnk: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n↓Venue: ACL\n",
            ],
            corrections: [
                .init("Titel: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 2021\n",
                      "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 2021\n"),
            ]
        )
    )

    let known: [String]

    init(options: RuleOptions) throws {
        known = try options.strings("known", default: [])
    }

    var entryFields: [String] { known }

    func check(_ context: inout LintContext) {
        let fields = context.note.knownFields
        for entry in context.note.entries {
            for field in entry.fields where !FieldSuggestion.isKnown(field.key, known: fields) {
                if let suggestion = FieldSuggestion.field(for: field.key, in: entry, known: fields) {
                    let fix = Fix(title: "Rename `\(quoted: field.key)` to `\(suggestion)`", applicability: .unsafe,
                                  edits: [TextEdit(range: field.keyRange, newText: suggestion)])
                    context.report("unknown field `\(quoted: field.key)`; did you mean `\(suggestion)`?", at: field.keyRange, fix: fix)
                } else {
                    context.report("unknown field `\(quoted: field.key)`", at: field.keyRange)
                }
            }
        }
    }
}
