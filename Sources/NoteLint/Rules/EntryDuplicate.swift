import ArxivKit
import NoteSyntax

struct EntryDuplicate: Rule {
    static let description = RuleDescription(
        id: "entry-duplicate",
        summary: "a second entry with the same Link or Title as an earlier one",
        rationale: """
            Reading lists grow by pasting; the same paper pasted twice splits its notes in two. Links \
            compare with arXiv links reduced to their identifier without version (`abs/2104.09864v2` \
            and `pdf/2104.09864` are the same paper); titles compare ignoring case and spacing.
            """,
        defaultSeverity: .warning,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\n\n---\n\nTitle: B\nLink: https://arxiv.org/abs/2106.04570\n",
                "Title:\nLink:\n\n---\n\nTitle:\nLink:\n",
            ],
            triggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\n\n---\n\nTitle: Rotary embeddings\nLink: ↓https://arxiv.org/pdf/2104.09864v2.pdf\n",
                "Title: Exploratory Data Analysis\nLink: https://example.org/eda\n\nTitle: ↓exploratory  data analysis\nLink: https://example.org/tukey\n",
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        let source = context.source
        var firstByLink: [String: Field] = [:]
        var firstByTitle: [String: Field] = [:]
        for entry in context.note.entries {
            let link = entry.field("Link").flatMap { $0.isEmpty ? nil : $0 }
            let title = entry.field("Title").flatMap { $0.isEmpty ? nil : $0 }
            let linkKey = link.map { Self.linkKey($0.value) }
            let titleKey = title.map { Self.titleKey($0.value) }
            if let link, let linkKey, let first = firstByLink[linkKey] {
                report(link, duplicating: first, what: "link", source: source, context: &context)
            } else if let title, let titleKey, let first = firstByTitle[titleKey] {
                report(title, duplicating: first, what: "title", source: source, context: &context)
            }
            if let link, let linkKey, firstByLink[linkKey] == nil { firstByLink[linkKey] = link }
            if let title, let titleKey, firstByTitle[titleKey] == nil { firstByTitle[titleKey] = title }
        }
    }

    private func report(_ field: Field, duplicating first: Field, what: String, source: SourceText, context: inout LintContext) {
        let line = first.line + 1
        context.report("duplicate entry: same \(what) as the entry on line \(line)", at: field.valueRange,
                       related: [RelatedLocation(range: first.valueRange, message: "first entry with this \(what)")])
    }

    static func linkKey(_ link: String) -> String {
        if let identifier = ArxivReference.identifier(inLink: link) { return "arxiv:" + identifier.id.lowercased() }
        return link
    }

    static func titleKey(_ title: String) -> String {
        title.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
