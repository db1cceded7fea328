/// A query as a person types it (`attention is all yo`) as an FTS5 expression: every word
/// quoted, all required, the last one a prefix unless the query ends with a blank or a
/// punctuation mark. Words are split as `SearchRanking` splits them.
enum SearchQuery {
    static func expression(for query: String) -> String? {
        guard let ranking = SearchRanking(query: query) else { return nil }
        var terms = ranking.words.map { "\"" + String(decoding: $0, as: UTF8.self) + "\"" }
        if ranking.lastIsPrefix { terms[terms.count - 1] += "*" }
        return terms.joined(separator: " ")
    }
}
