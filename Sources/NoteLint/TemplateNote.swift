import NoteSyntax

/// A note that is a form to fill, not a filled one: a GitHub issue template (front matter with
/// `name` and `about`), or a file in a templates folder (`.github/ISSUE_TEMPLATE/`,
/// `templates/`, `_templates/`, Obsidian's `Templates/`). Its empty fields are the point.
enum TemplateNote {
    /// The rules that report a value not filled in, which a template leaves unfilled on purpose.
    static let unfilledValueRules: Set<String> = [
        "entry-blank", "entry-empty-field", "entry-missing-field", "front-matter-empty-value", "front-matter-placeholder",
    ]

    static let folderNames: Set<String> = ["issue_template", "templates", "_templates", "template"]

    static func isTemplate(_ note: Note, path: String?) -> Bool {
        if let path, path.split(separator: "/").dropLast().contains(where: { folderNames.contains($0.lowercased()) }) {
            return true
        }
        guard let frontMatter = note.frontMatter else { return false }
        let keys = Set(frontMatter.pairs.compactMap { $0.key.scalarText?.lowercased() })
        return keys.contains("name") && keys.contains("about")
    }
}
