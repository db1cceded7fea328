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
        if let path, isInTemplatesFolder(path) { return true }
        guard let frontMatter = note.frontMatter else { return false }
        // Compared as ASCII: no other letter lower-cases into one of these words' letters.
        let keys = frontMatter.pairs.lazy.compactMap { $0.key.scalarText }
        return keys.contains { $0.equals(asciiIgnoringCase: "name") } && keys.contains { $0.equals(asciiIgnoringCase: "about") }
    }

    /// Whether a folder on `path` (the file's own name left out) has "template" in its name,
    /// letters in either case. Read as bytes: splitting the path into Characters cost more than
    /// the rest of a small note's lint. No letter outside ASCII lowercases into one of
    /// "template"'s, so comparing ASCII case-insensitively finds what `lowercased()` would.
    static func isInTemplatesFolder(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            // The folders end at the last `/` before the file's name (trailing slashes end no name).
            var end = bytes.count
            while end > 0 && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            var folders = end
            while folders > 0 && bytes[folders - 1] != UInt8(ascii: "/") { folders -= 1 }
            guard folders > 0 else { return false }
            let word = Array("template".utf8)
            var start = 0
            while start + word.count < folders {
                if word.indices.allSatisfy({ ASCIIByte.lowercased(bytes[start + $0]) == word[$0] }) { return true }
                start += 1
            }
            return false
        }
    }
}
