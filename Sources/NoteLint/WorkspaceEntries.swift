import NoteSyntax

/// What `entry-duplicate` compares in one note: each entry's link and title keys.
public struct NoteEntryKeys: Sendable {
    struct Item: Sendable {
        let link: Field?
        let linkKey: String?
        let title: Field?
        let titleKey: String?
    }

    let items: [Item]

    init(_ entries: [EntryFacts]) {
        // As within a note: a paper note's front matter is no duplicate of the entries naming it.
        items = entries.filter { $0.entry.shape != .frontMatter }.map { facts in
            Item(
                link: facts.linkKey == nil ? nil : facts.link, linkKey: facts.linkKey,
                title: facts.titleKey == nil ? nil : facts.title, titleKey: facts.titleKey)
        }
    }
}

/// The entries of many notes, for `entry-duplicate` with `scope: workspace`: where each
/// link and title first appears, notes taken in the order given (the CLI and the server
/// both give them sorted by path, so they agree on which entry is the first).
public struct WorkspaceEntries: Sendable {
    struct Place: Sendable {
        let name: String
        let line: Int
        /// Whether the entry there has a link: a title is a duplicate only where one of the
        /// two entries has none, as within a note.
        var hasLink = false
    }

    private var firstByLink: [String: Place] = [:]
    private var firstByTitle: [String: Place] = [:]

    /// `notes` are (name to show in messages, keys), in order.
    public init(_ notes: [(name: String, keys: NoteEntryKeys)]) {
        for (name, keys) in notes {
            for item in keys.items {
                if let key = item.linkKey, let link = item.link, firstByLink[key] == nil {
                    firstByLink[key] = Place(name: name, line: link.line + 1)
                }
                if let key = item.titleKey, let title = item.title, firstByTitle[key] == nil {
                    firstByTitle[key] = Place(name: name, line: title.line + 1, hasLink: item.link != nil)
                }
            }
        }
    }

    /// Entries of the note `name` whose link (or else title) first appears in another note.
    /// Only an entry's first occurrence in its own note is reported here: later ones are
    /// the note's own duplicates, which the rule reports by itself.
    func findings(name: String, keys: NoteEntryKeys) -> [Diagnostic] {
        var seenLinks: Set<String> = []
        var seenTitles: Set<String> = []
        var found: [Diagnostic] = []
        for item in keys.items {
            defer {
                if let key = item.linkKey { seenLinks.insert(key) }
                if let key = item.titleKey { seenTitles.insert(key) }
            }
            if let key = item.linkKey, let link = item.link, !seenLinks.contains(key), let first = firstByLink[key], first.name != name {
                found.append(finding(link, first, "link"))
            } else if let key = item.titleKey, let title = item.title, !seenTitles.contains(key), let first = firstByTitle[key],
                first.name != name,
                item.link == nil || !first.hasLink
            {
                found.append(finding(title, first, "title"))
            }
        }
        return found
    }

    private func finding(_ field: Field, _ first: Place, _ what: String) -> Diagnostic {
        Diagnostic(
            ruleID: EntryDuplicate.description.id, severity: EntryDuplicate.description.defaultSeverity,
            message: "duplicate entry: same \(what) as the entry on line \(first.line) of \(first.name)",
            range: field.valueRange, related: [], fix: nil, tags: [])
    }
}
