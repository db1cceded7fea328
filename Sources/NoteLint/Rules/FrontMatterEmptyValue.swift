import NoteSyntax

struct FrontMatterEmptyValue: Rule {
    static let description = RuleDescription(
        id: "front-matter-empty-value",
        summary: "a front-matter key that says when or where, left empty",
        rationale: """
            A template's `date:`, `link:`, `url:` or `doi:` left empty publishes a post with no date (the \
            site generator falls back to the file's) or a paper note that points nowhere. Other keys \
            may be empty on purpose (`tags:`), and are not reported.
            """,
        defaultSeverity: .warning,
        fix: nil,
        options: [RuleOption("keys", "front-matter keys that must not be empty when present, compared ignoring case",
                             default: "[date, link, url, doi, arxiv, pdf, year]")],
        examples: RuleExamples(
            nonTriggering: [
                "---\ntitle: Notes\ndate: 2021-04-20\ntags:\n---\n",
            ],
            triggering: [
                "---\ntitle: Notes\n↓date:\n↓doi: \"\"\n---\n",
            ]
        )
    )

    static let defaultKeys = ["date", "link", "url", "doi", "arxiv", "pdf", "year"]
    let keys: Set<String>

    init(options: RuleOptions) throws {
        keys = Set(try options.strings("keys", default: Self.defaultKeys).map { $0.lowercased() })
    }

    func check(_ context: inout LintContext) {
        guard let frontMatter = context.note.frontMatter, frontMatter.isClosed else { return }
        for pair in frontMatter.pairs {
            guard let key = pair.key.scalarText, keys.contains(key.lowercased()),
                  case .scalar(let value, _) = pair.value, value.trimmingBlanksAndNewlines.isEmpty else { continue }
            context.report("`\(quoted: key)` is empty", at: pair.key.range)
        }
    }
}

extension String {
    var trimmingBlanksAndNewlines: Substring {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}
