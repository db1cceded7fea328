/// The most frequent words that begin with a partial word of four bytes or more, from the
/// `words` table, with the number of papers that hold each. FTS5 answers `"netwo"*` by
/// gathering the whole lists of every word it starts (`network`, `networks`) before the first
/// match; `("network" OR "networks")` is read lazily. Shorter partials have FTS5 prefix indexes
/// (1 to 3 characters) and need no completion. The alternation misses the rarer words when a
/// partial word starts more than `limit`: a search uses it only when many papers hold these.
struct WordCompletion {
    let words: [(word: [UInt8], papers: Int)]
    /// Whether `words` are every word the partial one starts.
    let complete: Bool

    var papers: Int { words.reduce(0) { $0 + $1.papers } }

    /// How many completions a search tries.
    static let limit = 8

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
