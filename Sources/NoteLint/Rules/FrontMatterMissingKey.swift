import NoteSyntax

struct FrontMatterMissingKey: Rule {
    static let description = RuleDescription(
        id: "front-matter-missing-key",
        summary: "a required front-matter key is absent",
        rationale: """
            Site generators and indexes rely on some keys (a `title` above all). A note without front \
            matter is fine; a note with front matter should have the keys its tools need. By default \
            the keys are asked of a site generator's post (front matter with `draft`, `excerpt`, \
            `categories` or `slug`, or a `layout` such as `post` or `article`): an Obsidian or Zotero \
            note takes its title from its file name, and a site's page (`layout: default`, `home`, \
            `page`) shows the site's title. So does Jekyll for a post or any collection's document \
            (`_posts/2022-09-13-paper-review.md` is titled "Paper Review"): there `title` is not asked for. Setting `required` asks the keys of every \
            front matter.
            """,
        defaultSeverity: .warning,
        fix: nil,
        options: [RuleOption("required", "keys every front matter must have", default: "[title]")],
        examples: RuleExamples(
            nonTriggering: [
                "---\ntitle: Reading list\n---\n",
                "Just prose, no front matter.\n",
                "---\ntags: [nlp]\naliases: [RoPE]\n---\n",
                "---\nlayout: default\n---\n\nAbout our group meetings.\n",
            ],
            triggering: [
                "↓---\nlayout: post\n---\n\nText.\n"
            ]
        )
    )

    let required: [String]
    /// Set by the option: then every front matter is asked, not only a post's.
    let requiredEverywhere: Bool
    static let postKeys: Set<String> = ["draft", "excerpt", "categories", "slug"]
    static let postLayouts: Set<String> = ["post", "posts", "article", "blog", "blog-post", "paper", "review"]

    init(options: RuleOptions) throws {
        required = try options.strings("required", default: ["title"])
        requiredEverywhere = options.values["required"] != nil
    }

    /// A document of a Jekyll collection (a folder named with a leading underscore: `_posts`,
    /// `_publications`), or a file named `YYYY-MM-DD-slug.md` as Jekyll names posts. Jekyll
    /// titles such a document from its file name.
    static func isTitledByFileName(_ path: String) -> Bool {
        // In ASCII (nearly every path) a Character is a byte, but for CR LF, which no `_` joins:
        // splitting the bytes spares walking Characters, 30,000 instructions a path.
        var path = path
        let answer: Bool? = path.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // The components are the runs between slashes; empty ones (`a//b`, a leading `/`) are none.
            var start = 0
            var last: Range<Int>? = nil
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                defer { start = index + 1 }
                guard index > start else { continue }
                if let folder = last, folder.count > 1, bytes[folder.lowerBound] == UInt8(ascii: "_") { return true }
                last = start..<index
            }
            return isPostFileName(last.map { Array(bytes[$0]) } ?? [])
        }
        return answer ?? isTitledByFileName(characters: path)
    }

    static func isTitledByFileName(characters path: String) -> Bool {
        let components = path.split(separator: "/")
        if components.dropLast().contains(where: { $0.count > 1 && $0.hasPrefix("_") }) { return true }
        return isPostFileName(Array((components.last ?? "").utf8))
    }

    /// `YYYY-MM-DD-slug.md`.
    private static func isPostFileName(_ name: [UInt8]) -> Bool {
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        let shape = "dddd-dd-dd-".utf8
        return name.count > shape.count
            && zip(name, shape).allSatisfy { byte, expected in expected == UInt8(ascii: "d") ? isDigit(byte) : byte == expected }
    }

    func check(_ context: inout LintContext) {
        guard let frontMatter = context.note.frontMatter, frontMatter.isClosed, frontMatter.problem == nil else { return }
        // `Title:` is the `title` key: front matter written by hand capitalises keys.
        // Compared in place, letters in either case: a set of lower-cased copies cost more
        // than the rest of a note's front matter checks.
        let present = frontMatter.pairs.compactMap { $0.key.scalarText }
        func has(_ key: String) -> Bool { present.contains { Field.sameKey($0, key) } }
        let layout = frontMatter.pairs.first { $0.key.scalarText.map { Field.sameKey($0, "layout") } ?? false }?.value.scalarText?
            .lowercased()
        let isPost = Self.postKeys.contains(where: has) || layout.map(Self.postLayouts.contains) ?? false
        guard requiredEverywhere || isPost else { return }
        let opening = context.source.lineContent(frontMatter.lines.lowerBound)
        let titledByFileName = context.path.map { Self.isTitledByFileName($0) } ?? false
        for key in required where !has(key) {
            if titledByFileName && key.lowercased() == "title" { continue }
            context.report("front matter has no `\(key)` key", at: opening)
        }
    }
}
