import NoteSyntax

struct EntryEmptyField: Rule {
    static let severities: [String: Severity] = ["title": .error, "link": .error, "date": .warning]

    static let description = RuleDescription(
        id: "entry-empty-field",
        summary: "an entry's field is present but empty",
        rationale: """
            An entry without its Title or Link cannot be found again, and one without a Date cannot be \
            placed in time. An entry whose every field is empty is a different problem (`entry-blank`).
            """,
        defaultSeverity: .error,
        severityNote: "error for Title and Link, warning for Date; an empty Subjects is not reported here",
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\nSubjects:\n",
                "Title:\nLink:\nDate:\nSubjects:\n",
            ],
            triggering: [
                "↓Title:\nLink: https://arxiv.org/abs/2104.09864\n↓Date: \n",
                "Title: A book\n↓Link:\t\nDate: 1977\n",
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for entry in context.note.entries where !entry.isBlank {
            for field in entry.fields where field.isEmpty {
                guard let severity = Self.severities[field.key.lowercased()] else { continue }
                context.report("`\(field.key)` is empty", at: ByteRange(field.keyRange.start, field.colonOffset + 1), severity: severity)
            }
        }
    }
}
