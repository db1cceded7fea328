import NoteSyntax

struct FrontMatterMissingKey: Rule {
    static let description = RuleDescription(
        id: "front-matter-missing-key",
        summary: "a required front-matter key is absent",
        rationale: """
            Site generators and indexes rely on some keys (a `title` above all). A note without front \
            matter is fine; a note with front matter should have the keys its tools need. By default \
            the keys are asked of a site generator's post (front matter with `layout`, `permalink`, \
            `draft`, `excerpt`, `categories` or `slug`): an Obsidian or Zotero note takes its title \
            from its file name. Setting `required` asks them of every front matter.
            """,
        defaultSeverity: .warning,
        fix: nil,
        options: [RuleOption("required", "keys every front matter must have", default: "[title]")],
        examples: RuleExamples(
            nonTriggering: [
                "---\ntitle: Reading list\n---\n",
                "Just prose, no front matter.\n",
                "---\ntags: [nlp]\naliases: [RoPE]\n---\n",
            ],
            triggering: [
                "↓---\nlayout: post\n---\n\nText.\n"
            ]
        )
    )

    let required: [String]
    /// Set by the option: then every front matter is asked, not only a post's.
    let requiredEverywhere: Bool
    static let postKeys: Set<String> = ["layout", "permalink", "draft", "excerpt", "categories", "slug"]

    init(options: RuleOptions) throws {
        required = try options.strings("required", default: ["title"])
        requiredEverywhere = options.values["required"] != nil
    }

    func check(_ context: inout LintContext) {
        guard let frontMatter = context.note.frontMatter, frontMatter.isClosed, frontMatter.problem == nil else { return }
        // `Title:` is the `title` key: front matter written by hand capitalises keys.
        let present = Set(frontMatter.pairs.compactMap { $0.key.scalarText?.lowercased() })
        guard requiredEverywhere || !present.isDisjoint(with: Self.postKeys) else { return }
        let opening = context.source.lineContent(frontMatter.lines.lowerBound)
        for key in required where !present.contains(key.lowercased()) {
            context.report("front matter has no `\(key)` key", at: opening)
        }
    }
}
