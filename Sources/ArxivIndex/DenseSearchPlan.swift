/// What a search through `DensePapers` intersects: each factor the union of some keys' chunks
/// (and, for the partial last word, of the papers FTS5 matches for its rare completions);
/// `rare`, the FTS5 expression of the other words without chunks, whose papers are checked
/// against the factors; `exact`, when the last factor only bounds the partial last word (its
/// first `DensePapers.longestPrefix` letters), the keys whose papers surely hold it, every other
/// paper being read and checked against `lastWord`, its FTS5 expression.
struct DenseSearchPlan {
    /// A key of `dense_keys`: its number and how many papers hold it.
    struct Key {
        let id: Int
        let papers: Int
    }

    struct Factor {
        var keys: [Key]
        var matching: String?

        /// At least how many papers hold it.
        var papers: Int { keys.reduce(0) { max($0, $1.papers) } }
    }

    var factors: [Factor] = []
    var rare: [String] = []
    var exact: [Key]?
    var lastWord = ""

    /// A paper read and checked against the partial word costs about as much as this many
    /// papers that FTS5 gives for its rare completions (2 µs against 0.3).
    static let readCost = 7.0
    /// The most papers a plan that bounds the partial word may expect to read and check
    /// when no other plan applies.
    static let mostChecked = 2000.0

    /// The plan; nil when FTS5 alone is to answer. `key` looks a word or prefix up in
    /// `dense_keys`. `wordsOnly`: the partial word stands for `completions` only, not for every
    /// word it starts.
    static func plan(
        _ ranking: SearchRanking, _ completions: WordCompletion, wordsOnly: Bool = false, papers: Int, readCost: Double = readCost,
        key: ([UInt8]) throws -> Key?
    ) throws -> DenseSearchPlan? {
        var plan = DenseSearchPlan()
        var words = SearchQuery.requiredOthers(ranking)
        if !ranking.lastIsPrefix { words.append(ranking.words.last!) }
        // The share of papers expected to hold every other word, each taken as independent; a
        // word without chunks is in fewer than `DensePapers.wordShare` of them.
        var share = 1.0
        for word in words {
            if let found = try key(word) {
                plan.factors.append(Factor(keys: [found]))
                share *= Double(found.papers) / Double(max(papers, 1))
            } else {
                plan.rare.append(SearchQuery.quoted(word))
                share *= DensePapers.wordShare
            }
        }
        guard ranking.lastIsPrefix else { return plan.factors.isEmpty ? nil : plan }
        let partial = ranking.words.last!
        guard partial.allSatisfy(DensePapers.isASCIIWordByte) else { return nil }
        let asPrefix = SearchQuery.quoted(partial) + "*"
        if partial.count <= DensePapers.longestPrefix && !wordsOnly {
            if let found = try key(DensePapers.key(prefix: partial)) {
                plan.factors.append(Factor(keys: [found]))
            } else {
                plan.rare.append(asPrefix)
            }
            return plan.factors.isEmpty ? nil : plan
        }
        let known = completions.complete && !completions.words.isEmpty
        plan.lastWord = known ? "(" + completions.words.map { SearchQuery.quoted($0.word) }.joined(separator: " OR ") + ")" : asPrefix
        var common: [Key] = []
        var rareWords: [[UInt8]] = []
        var rarePapers = 0
        if known {
            for completion in completions.words {
                if let found = try key(completion.word) {
                    common.append(found)
                } else {
                    rareWords.append(completion.word)
                    rarePapers += completion.papers
                }
            }
            if rareWords.isEmpty {
                plan.factors.append(Factor(keys: common))
                return plan
            }
        }
        let bound = wordsOnly ? nil : try key(DensePapers.key(prefix: partial.prefix(DensePapers.longestPrefix)))
        let checked = bound.map { share * Double($0.papers) } ?? .infinity
        if known && Double(rarePapers) <= readCost * checked {
            // The common completions through their chunks, the rare ones through FTS5.
            plan.factors.append(Factor(keys: common, matching: "(" + rareWords.map(SearchQuery.quoted).joined(separator: " OR ") + ")"))
            return plan
        }
        guard let bound, checked <= Self.mostChecked || known else { return nil }
        plan.factors.append(Factor(keys: [bound]))
        plan.exact = common
        return plan
    }
}
