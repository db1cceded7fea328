import ArxivKit
import NoteSyntax

struct EntryDuplicate: Rule {
    /// Messages name the first entry's line; entries compare within their heading's section.
    static let entryDependence: EntryDependence? = [.lineNumbers, .headings]

    static let description = RuleDescription(
        id: "entry-duplicate",
        summary: "a second entry with the same Link or Title as an earlier one",
        rationale: """
            Reading lists grow by pasting; the same paper pasted twice splits its notes in two. Links \
            compare with arXiv links reduced to their identifier without version (`abs/2104.09864v2` \
            and `pdf/2104.09864` are the same paper); titles compare ignoring case and spacing, and \
            count when one of the two entries has no link, or when the two agree on every other field \
            they have (Venue, Date, Code ...: one paper pasted twice, once with its publisher's link and \
            once with another); otherwise one title with two different links is two papers, or a talk \
            and its paper. Placeholders (`TBD`, `TODO`, `?`) are never \
            duplicates. Entries compare within their section (the heading above them): a list sorted \
            by topic lists a paper under each topic it belongs to, on purpose. With \
            `scope: workspace`, an entry is also reported when an earlier note (in path order) has \
            it: `notelint check` compares the files it is given, the language server every note \
            of the workspace.
            """,
        defaultSeverity: .warning,
        fix: nil,
        options: [
            RuleOption(
                "scope", "`note` (within each note) or `workspace` (also across notes)", default: "note",
                kind: .oneOf(Scope.allCases.map(\.rawValue)))
        ],
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\n\n---\n\nTitle: B\nLink: https://arxiv.org/abs/2106.04570\n",
                "Title:\nLink:\n\n---\n\nTitle:\nLink:\n",
                "Title: Circuit Breaker\nLink: https://martinfowler.com/bliki/CircuitBreaker.html\n\nTitle: Circuit breaker\nLink: https://resilience4j.readme.io\n",
                "| Title | Venue | Year |\n|---|---|---|\n| [Attention](https://arxiv.org/abs/1706.03762) | arXiv | 2017 |\n| [Attention](https://papers.nips.cc/x.pdf) | NeurIPS | 2017 |\n",
                "## Sampling\n\nTitle: Min-p\nLink: https://arxiv.org/abs/2407.01082\n\n## Decoding\n\nTitle: Min-p\nLink: https://arxiv.org/abs/2407.01082\n",
            ],
            triggering: [
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\n\n---\n\nTitle: Rotary embeddings\nLink: ↓https://arxiv.org/pdf/2104.09864v2.pdf\n",
                "Title: Exploratory Data Analysis\nLink: https://example.org/eda\n\nTitle: ↓exploratory  data analysis\nDate: 1977\n",
                "| Title | Venue | Year |\n|---|---|---|\n| [Frequency Augmentation](https://openreview.net/pdf?id=x1) | NeurIPS | 2023 |\n| [↓Frequency augmentation](https://proceedings.neurips.cc/x1.pdf) | NeurIPS | 2023 |\n",
                "## Sampling\n\n### Min-p\nLink: https://arxiv.org/abs/2407.01082\n\n### Min-p sampling\nLink: ↓https://arxiv.org/abs/2407.01082\n",
            ]
        )
    )

    enum Scope: String, CaseIterable {
        case note
        case workspace
    }

    let scope: Scope

    init(options: RuleOptions) throws {
        let name = try options.string("scope", default: Scope.note.rawValue)
        guard let scope = Scope(rawValue: name) else { throw options.invalid("scope", "expected `note` or `workspace`, not `\(name)`") }
        self.scope = scope
    }

    func check(_ context: inout LintContext) {
        let entries = context.entries
        guard entries.count > 1 else { return }
        // The index of the first entry with each link, and with each title: by the key's digest
        // and section when it has a digest (an ASCII key), else by section and key.
        var links = FirstEntries(.link, capacity: entries.count)
        var titles = FirstEntries(.title, capacity: entries.count)
        let sections = EntrySections.sections(of: entries, in: context.note)
        for (index, facts) in entries.enumerated() where facts.entry.shape != .frontMatter {
            guard facts.hasLinkKey || facts.hasTitleKey else { continue }
            // Compared within the entry's section: under another heading, a paper is cross-listed.
            // Each key is looked up once, and stored (in the same probe) when it was not there.
            let firstLink = links.first(index, of: entries, sections: sections)
            let firstTitle = titles.first(index, of: entries, sections: sections)
            if let firstLink {
                report(facts.link!, duplicating: entries[firstLink].link!, what: "link", context: &context)
            } else if let firstTitle,
                // Two entries of one title and different links are two papers (or a talk and its
                // paper), not a duplicate.
                !facts.hasLinkKey || !entries[firstTitle].hasLinkKey
                    || Self.agreeBesidesTitleAndLink(entries[firstTitle], facts)
            {
                report(facts.title!, duplicating: entries[firstTitle].title!, what: "title", context: &context)
            }
        }
    }

    private func report(_ field: Field, duplicating first: Field, what: String, context: inout LintContext) {
        let line = first.line + 1
        context.report(
            "duplicate entry: same \(what) as the entry on line \(line)", at: field.valueRange,
            related: [RelatedLocation(range: first.valueRange, message: "first entry with this \(what)")])
    }

    /// Whether two entries of one title have other fields and agree on all of them: worked out
    /// only when titles meet, which is rare.
    static func agreeBesidesTitleAndLink(_ first: EntryFacts, _ second: EntryFacts) -> Bool {
        let others = otherFields(first)
        return !others.isEmpty && others == otherFields(second)
    }

    /// The entry's filled fields other than its title and where it is (Venue, Date, Code ...),
    /// by lower-cased key, values compared like titles.
    static func otherFields(_ facts: EntryFacts) -> [String: String] {
        var fields: [String: String] = [:]
        for field in facts.entry.fields where !field.isEmpty {
            if let role = field.role, role == .title || role == .link || role == .pdf || role == .doi { continue }
            let value = field.value.contains(ascii: "://") ? Self.withoutQuery(field.value) : withoutLinkTargets(field.value)
            fields[field.key.lowercased()] = titleKey(value)
        }
        return fields
    }

    /// An address without its query, fragment and trailing slash: `github.com/a/b?tab=readme`
    /// and `github.com/a/b/` are one repository.
    static func withoutQuery(_ url: String) -> String {
        var cut = url.prefix { $0 != "?" && $0 != "#" }
        while cut.hasSuffix("/") { cut = cut.dropLast() }
        return String(cut)
    }

    /// `[Code](https://github.com/a/b?tab=readme)` as it reads: `[Code]`. Two pastes of one
    /// paper often differ only in where such a link's query string points.
    static func withoutLinkTargets(_ value: String) -> String {
        guard value.contains(ascii: "](") else { return value }
        var out = ""
        var depth = 0
        var previous: Character = " "
        for character in value {
            if depth > 0 {
                if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            } else if character == "(" && previous == "]" {
                depth = 1
            } else {
                out.append(character)
            }
            previous = character
        }
        return out
    }

    /// arXiv links compare by identifier without version, other links as written.
    static func linkKey(_ link: String, arxiv: ArxivReference?) -> String {
        arxiv?.identifier.map { "arxiv:" + $0.id } ?? link
    }

    /// The digest of `linkKey(link, arxiv:)` (`KeyDigest`), read from the bytes without
    /// writing the key.
    static func linkDigest(_ link: String, arxiv: ArxivReference?) -> UInt64? {
        if let identifier = arxiv?.identifier {
            var id = identifier.id
            return id.withUTF8 { KeyDigest.adding($0, to: arxivKeyPrefixDigest) }
        }
        return KeyDigest.of(link)
    }

    private static let arxivKeyPrefixDigest = KeyDigest.of("arxiv:")!

    /// The digest of an ASCII title's key (`titleKey`), folded as the key would be written but
    /// without writing it; nil for a title of other characters, whose key lower-casing may
    /// still make ASCII.
    static func asciiTitleDigest(_ title: String) -> UInt64? {
        var title = title
        return title.withUTF8 { bytes in
            var digest = KeyDigest.basis
            var started = false
            var pendingSpace = false
            for byte in bytes {
                // One lookup says blank, past ASCII, or the byte folded: a title's bytes take the
                // same branches, byte after byte.
                let folded = Self.titleFolding[Int(byte)]
                if folded == Self.blank {
                    pendingSpace = started
                    continue
                }
                guard folded != Self.pastASCII else { return nil }
                if pendingSpace {
                    digest = KeyDigest.adding(0x20, to: digest)
                    pendingSpace = false
                }
                digest = KeyDigest.adding(folded, to: digest)
                started = true
            }
            return digest
        }
    }

    /// Each byte as a title's key writes it (capitals lowered), `blank` for a space or a tab,
    /// `pastASCII` from 0x80 on. Neither mark is an ASCII byte.
    private static let titleFolding: [UInt8] = (0...255).map { byte in
        switch byte {
        case 0x20, 0x09: return blank
        case 0x41...0x5A: return UInt8(byte | 0x20)
        case 0x80...: return pastASCII
        default: return UInt8(byte)
        }
    }
    private static let blank: UInt8 = 0x80
    private static let pastASCII: UInt8 = 0xFF

    /// Lower-cased, blanks collapsed; ASCII titles without going through Characters.
    static func titleKey(_ title: String) -> String {
        var title = title
        return title.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                return String(decoding: bytes, as: UTF8.self).lowercased()
                    .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            }
            // ASCII, nearly every title: lowered and its blanks folded in one pass, as
            // `asciiTitleDigest` folds them.
            return String(unsafeUninitializedCapacity: bytes.count) { key in
                var count = 0
                var pendingSpace = false
                for byte in bytes {
                    let folded = Self.titleFolding[Int(byte)]
                    if folded == Self.blank {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace {
                        key[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    key[count] = folded
                    count += 1
                }
                return count
            }
        }
    }
}
