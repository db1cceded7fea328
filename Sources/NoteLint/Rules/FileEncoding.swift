import NoteSyntax

struct FileEncoding: Rule {
    static let description = RuleDescription(
        id: "file-encoding",
        summary: "bytes that are not UTF-8, or NUL bytes",
        rationale: """
            Markdown tools expect UTF-8. Invalid bytes turn into replacement characters or break \
            rendering, and a NUL byte makes many tools treat the file as binary. The rest of the file \
            is still linted; past the first \(FileEncoding.reportedOneByOne) places, the others are \
            counted in one finding. A file that is not text (more than a tenth of its first 8 KB are \
            NUL bytes, bytes that are not UTF-8 or control characters) gets one finding, and no rule \
            reads it.
            """,
        defaultSeverity: .error,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: ["Title: Über «Transformers» — 変換器\n"],
            triggering: ["Bad byte: ↓\u{0}here\n"]
        )
    )

    /// Places reported each with its own finding; the rest are summed up in one more.
    static let reportedOneByOne = 20

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        if let binary = BinaryContent.detect(context.source) {
            context.report(binary.message, at: binary.firstOffending)
            return
        }
        let problems = context.source.encodingProblems
        for problem in problems.prefix(Self.reportedOneByOne) {
            switch problem.kind {
            case .nul:
                context.report("the text holds a NUL byte", at: problem.range)
            case .invalidUTF8:
                let count = problem.range.length
                context.report(count == 1 ? "byte that is not valid UTF-8" : "\(count) bytes that are not valid UTF-8", at: problem.range)
            }
        }
        guard problems.count > Self.reportedOneByOne else { return }
        let rest = problems.count - Self.reportedOneByOne
        context.report(
            "and \(rest) more place\(rest == 1 ? "" : "s") with bytes that are not valid UTF-8 or NUL bytes, not reported one by one",
            at: problems[Self.reportedOneByOne].range)
    }
}
