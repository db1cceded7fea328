/// The words of a batch's titles and authors (four bytes or more, ASCII lowercased, each
/// occurrence counted), added to the `words` table when the batch commits. A paper imported
/// again is counted again: the counts only order the completions of a partial word.
struct WordCounts {
    static let shortest = 4

    private var counts: [[UInt8]: Int] = [:]

    mutating func add(title: [UInt8], authors: [UInt8]) {
        for bytes in [title, authors] {
            for token in SearchRanking.tokens(bytes) where token.count >= Self.shortest { counts[token, default: 0] += 1 }
        }
    }

    mutating func flush(into statement: SQLiteStatement) throws {
        for (word, count) in counts {
            statement.reset()
            statement.bind(1, bytes: word)
            statement.bind(2, count)
            try statement.step()
        }
        counts.removeAll(keepingCapacity: true)
    }
}
