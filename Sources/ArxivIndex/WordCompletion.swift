/// The most frequent words that begin with a partial word of four bytes or more, from the
/// `words` table. FTS5 answers `"netwo"*` by gathering the whole lists of every word it starts
/// (`network`, `networks`) before the first match; `("network" OR "networks")` is read lazily.
/// Shorter partials have FTS5 prefix indexes (1 to 3 characters) and need no completion.
enum WordCompletion {
    /// How many completions a search tries.
    static let limit = 8

    static func completions(of prefix: [UInt8], in connection: SQLiteConnection, statement: inout SQLiteStatement?) throws -> [[UInt8]] {
        guard prefix.count >= WordCounts.shortest else { return [] }
        if statement == nil {
            statement = try connection.prepare("SELECT word FROM words WHERE word >= ? AND word < ? ORDER BY papers DESC LIMIT ?")
        }
        let query = statement!
        defer { query.reset() }
        query.bind(1, bytes: prefix)
        // Above every word that begins with the prefix: U+10FFFF in UTF-8 after it.
        query.bind(2, bytes: prefix + [0xF4, 0x8F, 0xBF, 0xBF])
        query.bind(3, limit)
        var words: [[UInt8]] = []
        while try query.step() { words.append(query.withBytes(0) { Array($0) }) }
        return words
    }
}
