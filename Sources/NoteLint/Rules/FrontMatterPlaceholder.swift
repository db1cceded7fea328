import ArxivKit
import NoteSyntax

struct FrontMatterPlaceholder: Rule {
    static let defaultPlaceholders: [String: [String]] = [
        "title": ["Title"],
        "excerpt": ["A short description of the article"],
    ]
    static let defaultAnywhere = ["TODO", "TBD", "xxx"]
    /// Keys whose value is a state of the work (`status: todo`), not a value left to fill.
    static let workflowKeys: Set<String> = ["status", "state", "stage", "progress", "reading", "read", "priority", "phase"]

    static let description = RuleDescription(
        id: "front-matter-placeholder",
        summary: "a template value left in the front matter",
        rationale: """
            Notes often start from a template. A `title` of `Title` or an `excerpt` of `A short description \
            of the article` is published as it stands unless someone notices, and so is an arXiv link whose \
            identifier was never filled in (`https://arxiv.org/abs/XXXX.XXXXX`, `arxiv: 0000.00000`). A workflow key's value \
            (`status: todo`, `stage: tbd`) is a state of the work, not a placeholder.
            """,
        defaultSeverity: .warning,
        fix: nil,
        options: [
            RuleOption(
                "placeholders", "template values per key, compared ignoring case",
                default: "{title: [Title], excerpt: [A short description of the article]}",
                kind: .stringListsByKey),
            RuleOption("anywhere", "values that are placeholders under any key", default: "[TODO, TBD, xxx]"),
        ],
        examples: RuleExamples(
            nonTriggering: [
                "---\ntitle: Notes\nstatus: todo\n---\n",
                "---\ntitle: Notes on RoFormer\nexcerpt: Rotary position embeddings, read closely\n---\n",
                "---\ntitle: Title of a talk on titles\n---\n",
            ],
            triggering: [
                "---\ntitle:\t↓\"Title\"\nexcerpt: ↓A short description of the article\n---\n",
                "---\ntitle: Notes\nauthor: ↓TODO\ntags: [nlp, ↓tbd]\n---\n",
                "---\ntitle: Notes\npaper_url: ↓https://arxiv.org/abs/XXXX.XXXXX\narxivId: ↓\"0000.00000\"\n---\n",
            ]
        )
    )

    let placeholders: [String: Set<String>]
    let anywhere: Set<String>
    /// The longest placeholder of either kind, in bytes: a longer value is none of them, told
    /// without hashing it.
    let longestPlaceholder: Int

    init(options: RuleOptions) throws {
        let table = try options.stringLists("placeholders", default: Self.defaultPlaceholders)
        placeholders = table.reduce(into: [:]) { $0[$1.key.lowercased()] = Set($1.value.map { $0.lowercased() }) }
        anywhere = Set(try options.strings("anywhere", default: Self.defaultAnywhere).map { $0.lowercased() })
        longestPlaceholder = (placeholders.values.flatMap { $0 } + anywhere).map(\.utf8.count).max() ?? 0
    }

    func check(_ context: inout LintContext) {
        guard let frontMatter = context.note.frontMatter else { return }
        for pair in frontMatter.pairs {
            guard let key = pair.key.scalarText else { continue }
            visit(pair.value, key: key, context: &context)
        }
    }

    /// The identifier of an arXiv link or identifier that a template left unfilled
    /// (`https://arxiv.org/abs/XXXX.XXXXX`, `arxiv: 0000.00000`).
    static func templateArxivIdentifier(_ text: String, key: String) -> String? {
        guard text.utf8.count < 200 else { return nil }
        if let reference = ArxivReference.parse(text) {
            return ArxivIdentifier.isTemplate(reference.rawIdentifier) ? reference.rawIdentifier : nil
        }
        return key.lowercased().contains(ascii: "arxiv") && ArxivIdentifier.isTemplate(text) ? text : nil
    }

    /// Walks the value's scalars without recursion, so deep YAML costs no stack.
    private func visit(_ root: YAMLValue, key: String, context: inout LintContext) {
        var pending = [root]
        // Per key, not per value: a key's values are often a long list.
        let foldedKey = key.lowercased()
        let keyPlaceholders = placeholders[foldedKey]
        while let value = pending.popLast() {
            switch value {
            case .scalar(let text, let range):
                let folded = text.lowercased()
                let mayBePlaceholder = folded.utf8.count <= longestPlaceholder
                if mayBePlaceholder && keyPlaceholders?.contains(folded) == true {
                    context.report("`\(quoted: key)` is still the template's placeholder `\(quoted: text)`", at: range)
                } else if mayBePlaceholder && anywhere.contains(folded) && !Self.workflowKeys.contains(foldedKey) {
                    context.report("`\(quoted: key)` holds the placeholder `\(quoted: text)`", at: range)
                } else if let identifier = Self.templateArxivIdentifier(text, key: key) {
                    context.report("`\(quoted: key)` holds a template's arXiv identifier `\(quoted: identifier)`", at: range)
                }
            case .sequence(let items, _):
                pending += items.reversed()
            case .mapping(let pairs, _):
                pending += pairs.map(\.value).reversed()
            case .alias:
                break
            }
        }
    }
}
