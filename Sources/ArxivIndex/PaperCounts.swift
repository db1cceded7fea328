/// How many of the index's papers hold a word, or a word starting with a partial one,
/// estimated from the `words` table's counts (occurrences, so a little high) for `SearchCosts`.
final class PaperCounts {
    private let connection: SQLiteConnection
    private var wordCount: SQLiteStatement?
    private var prefixCount: SQLiteStatement?
    private var knownPapers: Int?

    /// A short prefix sums at most this many words' counts; one that starts more words is
    /// taken to be in every paper.
    static let wordsSummed = 5000
    /// The share of papers taken to hold a word the table does not count (shorter than
    /// `WordCounts.shortest`): high, as `new`, `two` and `via` are.
    static let uncountedShare = 0.05

    init(_ connection: SQLiteConnection) { self.connection = connection }

    /// The highest rowid, read once: an estimate needs no more, and `count(*)` reads the table.
    var papers: Int {
        get throws {
            if let knownPapers { return knownPapers }
            let papers = max(1, try connection.integer("SELECT coalesce(max(rowid), 0) FROM papers"))
            knownPapers = papers
            return papers
        }
    }

    func count(of word: [UInt8]) throws -> Double {
        guard word.count >= WordCounts.shortest else { return Self.uncountedShare * Double(try papers) }
        if wordCount == nil { wordCount = try connection.prepare("SELECT papers FROM words WHERE word = ?") }
        let statement = wordCount!
        defer { statement.reset() }
        statement.bind(1, bytes: word)
        return Double(try statement.step() ? statement.integer(0) : 0)
    }

    /// Every counted word the partial one starts (its `completions` when they are all); one
    /// shorter than a counted word that starts a function word (`th`, `wi`) is in almost every
    /// paper.
    func count(startingWith prefix: [UInt8], completions: WordCompletion) throws -> Double {
        if completions.complete { return Double(completions.papers) }
        let papers = Double(try papers)
        if prefix.count < WordCounts.shortest && SearchQuery.stopWords.contains(where: { $0.starts(with: prefix) }) { return papers }
        if prefixCount == nil {
            prefixCount = try connection.prepare(
                "SELECT count(*), coalesce(sum(papers), 0) FROM (SELECT papers FROM words WHERE word >= ? AND word < ? LIMIT \(Self.wordsSummed))"
            )
        }
        let statement = prefixCount!
        defer { statement.reset() }
        statement.bind(1, bytes: prefix)
        statement.bind(2, bytes: WordCounts.pastEveryWord(startingWith: prefix))
        guard try statement.step(), statement.integer(0) < Self.wordsSummed else { return papers }
        return min(papers, Double(statement.integer(1)))
    }
}
