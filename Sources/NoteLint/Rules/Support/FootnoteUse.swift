import NoteSyntax

/// Which footnote labels a note uses, shared by the rules that judge definitions.
enum FootnoteUse {
    /// The keys of every label referenced, in Markdown or in the text of HTML-block lines.
    static func usedKeys(in note: Note) -> KeySet {
        var used = KeySet(note.footnotes.references.lazy.map(\.key))
        if !note.footnotes.definitions.isEmpty {
            for key in labelsMentionedInHTML(note) { used.insert(key) }
        }
        return used
    }

    /// The keys of `[^label]` written on HTML-block lines. To CommonMark a line that follows
    /// `<h2>...</h2>` without a blank line is raw HTML, but kramdown (Jekyll's renderer) and
    /// others read it as Markdown, and there the reference works: the definition is used.
    private static func labelsMentionedInHTML(_ note: Note) -> Set<String> {
        var keys: Set<String> = []
        let source = note.source
        for line in 0..<note.lineKinds.count where note.lineKinds[line] == .html {
            let text = source.lineString(line)
            var rest = text[...]
            while let open = rest.firstUTF8Offset(of: "[^") {
                let after = rest[rest.utf8.index(rest.startIndex, offsetBy: open + 2)...]
                guard let close = after.firstIndex(of: "]") else { break }
                let label = after[..<close]
                if !label.isEmpty, !label.contains(where: { $0 == " " || $0 == "\t" }) {
                    keys.insert(Footnotes.key(for: String(label)))
                }
                rest = after[close...]
            }
        }
        return keys
    }
}
