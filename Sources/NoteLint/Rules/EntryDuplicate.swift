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
        firstByLink.reserveCapacity(context.entries.count)
        firstByTitle.reserveCapacity(context.entries.count)
        for facts in context.entries {
            let link = facts.link.flatMap { $0.isEmpty ? nil : $0 }
            let title = facts.title.flatMap { $0.isEmpty ? nil : $0 }
            let linkKey = link.map { link in facts.arxiv?.identifier.map { "arxiv:" + $0.id } ?? link.value }
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

    /// Lower-cased, blanks collapsed; ASCII titles without going through Characters.
    static func titleKey(_ title: String) -> String {
        guard title.utf8.allSatisfy({ $0 < 0x80 }) else {
            return title.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        var key: [UInt8] = []
        key.reserveCapacity(title.utf8.count)
        var pendingSpace = false
        for byte in title.utf8 {
            if byte == 0x20 || byte == 0x09 {
                pendingSpace = !key.isEmpty
            } else {
                if pendingSpace { key.append(0x20); pendingSpace = false }
                key.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }
}
