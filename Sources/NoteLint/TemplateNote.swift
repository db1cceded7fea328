import NoteSyntax

/// A note that is a form to fill, not a filled one: a GitHub issue template (front matter with
/// `name` and `about`), or a file in a templates folder (`.github/ISSUE_TEMPLATE/`,
/// `templates/`, `_templates/`, Obsidian's `Templates/` or a vault's `930_Templates/`: a
/// folder whose name holds "template"). Its empty fields are the point.
enum TemplateNote {
    /// The rules about values, which a template leaves unfilled or fills with its own tokens
    /// (`VALUE:URL`, `{{doi}}`) on purpose. Rules about its structure (YAML, footnotes, an entry
    /// that Markdown turns into a heading) still apply: every note made from it inherits those.
    static let unfilledValueRules: Set<String> = [
        "entry-blank", "entry-empty-field", "entry-missing-field", "entry-duplicate", "front-matter-empty-value",
        "front-matter-placeholder", "link-invalid", "link-arxiv-form", "arxiv-id-invalid", "date-invalid", "date-format",
        "date-future", "date-arxiv-mismatch", "subjects-unknown", "subjects-name-mismatch", "subjects-format",
    ]

    static func isTemplate(_ note: Note, path: String?) -> Bool {
        // `templates`, `_templates`, `ISSUE_TEMPLATE`, a vault's `930_Templates` or `99 - Templates`.
        if let path, path.split(separator: "/").dropLast().contains(where: { $0.lowercased().contains(ascii: "template") }) {
            return true
        }
        guard let frontMatter = note.frontMatter else { return false }
        let keys = Set(frontMatter.pairs.compactMap { $0.key.scalarText?.lowercased() })
        return keys.contains("name") && keys.contains("about")
    }
}
