/// The words that begin with a partial word of four bytes or more, from the `words` table,
/// most frequent first, with the number of papers that hold each. FTS5 answers `"netwo"*` by
/// gathering the whole list of every word it starts before the first match, 4 to 5 ms at 2.7 M
/// papers for a prefix that starts some 80 words; the alternation of those words
/// (`("network" OR "networks" OR ...)`) is read lazily, in half that time or less. Shorter
/// partials have FTS5 prefix indexes (1 to 3 characters) and need no completion.
struct WordCompletion {
    let words: [(word: [UInt8], papers: Int)]
    /// Whether `words` are every word the partial one starts.
    let complete: Bool

    var papers: Int { words.reduce(0) { $0 + $1.papers } }

    /// How many words an alternation may hold; a partial word that starts more is matched
    /// as a prefix.
    static let limit = 128
    /// How many of the most frequent a search tries when many papers are expected to match
    /// (the first candidates then come early, and the rarer words matter little).
    static let plentiful = 8

    static func completions(of prefix: [UInt8], in connection: SQLiteConnection, statement: inout SQLiteStatement?) throws -> WordCompletion
    {
        guard prefix.count >= WordCounts.shortest else { return WordCompletion(words: [], complete: false) }
        if statement == nil {
            statement = try connection.prepare("SELECT word, papers FROM words WHERE word >= ? AND word < ? ORDER BY papers DESC LIMIT ?")
        }
        let query = statement!
        defer { query.reset() }
        query.bind(1, bytes: prefix)
        query.bind(2, bytes: WordCounts.pastEveryWord(startingWith: prefix))
        query.bind(3, limit + 1)
        var words: [(word: [UInt8], papers: Int)] = []
        while try query.step() { words.append((query.withBytes(0) { Array($0) }, query.integer(1))) }
        return WordCompletion(words: Array(words.prefix(limit)), complete: words.count <= limit)
    }
}
