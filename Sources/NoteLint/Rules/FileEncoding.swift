import NoteSyntax

struct FileEncoding: Rule {
    static let description = RuleDescription(
        id: "file-encoding",
        summary: "bytes that are not UTF-8, or NUL bytes",
        rationale: """
            Markdown tools expect UTF-8. Invalid bytes turn into replacement characters or break \
            rendering, and a NUL byte makes many tools treat the file as binary. The rest of the file \
            is still linted.
            """,
        defaultSeverity: .error,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: ["Title: Über «Transformers» — 変換器\n"],
            triggering: ["Bad byte: ↓\u{0}here\n"]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for problem in context.source.encodingProblems {
            switch problem.kind {
            case .nul:
                context.report("the text holds a NUL byte", at: problem.range)
            case .invalidUTF8:
                let count = problem.range.length
                context.report(count == 1 ? "byte that is not valid UTF-8" : "\(count) bytes that are not valid UTF-8", at: problem.range)
            }
        }
    }
}
