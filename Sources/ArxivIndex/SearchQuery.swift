/// A query as a person types it (`attention is all yo`) as an FTS5 expression: every word
/// quoted, all required, the last one a prefix unless the query ends with a blank or a
/// punctuation mark. Words are split as `SearchRanking` splits them. A partial last word with
/// `completions` becomes their alternation instead of a prefix.
enum SearchQuery {
    /// `leavingOutLast`: the words before the last only (nil when none is left), for a search
    /// that checks the last one itself.
    static func expression(for query: String, completions: [[UInt8]] = [], leavingOutLast: Bool = false) -> String? {
        guard let ranking = SearchRanking(query: query) else { return nil }
        let others = requiredOthers(ranking)
        if leavingOutLast { return others.isEmpty ? nil : others.map { quoted($0) }.joined(separator: " AND ") }
        let kept = others + [ranking.words.last!]
        var terms = kept.map { quoted($0) }
        if ranking.lastIsPrefix {
            if completions.isEmpty {
                terms[terms.count - 1] += "*"
            } else {
                terms[terms.count - 1] = "(" + completions.map(quoted).joined(separator: " OR ") + ")"
            }
        }
        return terms.joined(separator: " AND ")
    }

    /// The words before the last that a match must hold. A function word is left to the
    /// ranking: every title holds `the` or `of`, and intersecting their lists costs more than
    /// it filters.
    static func requiredOthers(_ ranking: SearchRanking) -> [[UInt8]] {
        ranking.words.dropLast().filter { !stopWords.contains($0) }
    }

    static let stopWords: Set<[UInt8]> = Set(
        ["a", "an", "and", "are", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to", "with"].map { Array($0.utf8) }
    )

    static func quoted(_ word: [UInt8]) -> String {
        "\"" + String(decoding: word, as: UTF8.self).replacingQuotes() + "\""
    }
}

extension String {
    /// FTS5 writes a quote inside a quoted string twice.
    fileprivate func replacingQuotes() -> String {
        var result = ""
        for character in self { result += character == "\"" ? "\"\"" : String(character) }
        return result
    }
}
