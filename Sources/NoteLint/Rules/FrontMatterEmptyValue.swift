import NoteSyntax

struct FrontMatterEmptyValue: Rule {
    static let description = RuleDescription(
        id: "front-matter-empty-value",
        summary: "a front-matter key that says when or where, left empty",
        rationale: """
            A template's `date:`, `link:`, `url:` or `doi:` left empty publishes a post with no date (the \
            site generator falls back to the file's) or a paper note that points nowhere. Other keys \
            may be empty on purpose (`tags:`, or `pdf:` in a paper note whose PDF is not kept), and are \
            not reported, and neither is an empty address key (`doi:`) beside one that is filled \
            (`arxiv_url: https://arxiv.org/abs/...`): a preprint has no DOI yet. A value written out as empty \
            (`doi: ""`, `doi: null`) says "none" on purpose, as a generated paper card does for a paper \
            without a DOI, and is not reported either.
            """,
        defaultSeverity: .warning,
        fix: nil,
        options: [
            RuleOption(
                "keys", "front-matter keys that must not be empty when present, compared ignoring case",
                default: "[date, link, url, doi, arxiv, year]")
        ],
        examples: RuleExamples(
            nonTriggering: [
                "---\ntitle: Notes\ndate: 2021-04-20\ntags:\n---\n",
                "---\ntitle: A paper\nurl: https://arxiv.org/abs/2104.09864\ndoi: \"\"\n---\n",
                "---\ntitle: A paper\narxiv_id: 2104.09864v1\ndoi: \narxiv_url: http://arxiv.org/abs/2104.09864v1\n---\n",
            ],
            triggering: [
                "---\ntitle: Notes\n↓date:\n↓doi: \n---\n"
            ]
        )
    )

    static let defaultKeys = ["date", "link", "url", "doi", "arxiv", "year"]
    let keys: Set<String>

    init(options: RuleOptions) throws {
        keys = Set(try options.strings("keys", default: Self.defaultKeys).map { $0.lowercased() })
    }

    func check(_ context: inout LintContext) {
        guard let frontMatter = context.note.frontMatter, frontMatter.isClosed else { return }
        let hasAnAddress = frontMatter.pairs.contains { pair in
            guard let key = pair.key.scalarText, Self.isAddressKey(key), case .scalar(let value, _) = pair.value else { return false }
            return !value.trimmingBlanksAndNewlines.isEmpty
        }
        for pair in frontMatter.pairs {
            guard let key = pair.key.scalarText, keys.contains(key.lowercased()),
                case .scalar(let value, let range) = pair.value, value.trimmingBlanksAndNewlines.isEmpty,
                !Self.isWrittenOut(range, in: context.note.source)
            else { continue }
            // A preprint's card leaves `doi:` empty beside its arXiv link: the note does point somewhere.
            if hasAnAddress && Self.isAddressKey(key) { continue }
            context.report("`\(quoted: key)` is empty", at: pair.key.range)
        }
    }
}

extension FrontMatterEmptyValue {
    /// Keys that say where the paper is: `link`, `url`, `doi`, `arxiv`, `pdf` and their
    /// compounds (`arxiv_url`, `pdf_url`, `paperLink`).
    static func isAddressKey(_ key: String) -> Bool {
        let lowered = key.lowercased()
        let parts: [StaticString] = ["link", "url", "doi", "arxiv", "pdf", "eprint"]
        return parts.contains { lowered.contains(ascii: $0) }
    }

    /// `doi: ""` or `doi: null` says "none" on purpose; only a bare `doi:` was left unfilled.
    static func isWrittenOut(_ range: ByteRange, in source: SourceText) -> Bool {
        guard !range.isEmpty else { return false }
        let written = source.string(range).lowercased()
        return written.hasPrefix("\"") || written.hasPrefix("'") || written == "null" || written == "~"
    }
}

extension String {
    var trimmingBlanksAndNewlines: Substring {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}
