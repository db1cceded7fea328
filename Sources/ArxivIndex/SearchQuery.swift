/// A query as a person types it (`attention is all yo`) as an FTS5 expression: every word
/// quoted, all required, the last one a prefix unless the query ends with a blank.
enum SearchQuery {
    static func expression(for query: String) -> String? {
        var words: [String] = []
        var word = ""
        for character in query {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        let lastIsPartial = !word.isEmpty
        if !word.isEmpty { words.append(word) }
        guard !words.isEmpty else { return nil }
        var terms = words.map { "\"\($0)\"" }
        if lastIsPartial { terms[terms.count - 1] += "*" }
        return terms.joined(separator: " ")
    }
}
