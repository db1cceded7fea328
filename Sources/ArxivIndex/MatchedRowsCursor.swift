/// The papers FTS5 matches for an expression, newest first, handed out chunk by chunk as a
/// search moves down the chunks: the rare completions of a partial word, beside the chunks of
/// its common ones.
final class MatchedRowsCursor {
    private let statement: SQLiteStatement
    /// The paper the statement is on; nil past the last.
    private var rowid: Int?

    init(_ connection: SQLiteConnection) throws {
        statement = try connection.prepare("SELECT -rowid FROM papers_fts WHERE papers_fts MATCH ?")
    }

    func open(_ expression: String) throws {
        statement.reset()
        statement.bind(1, expression)
        rowid = try statement.step() ? statement.integer(0) : nil
    }

    /// Adds the matched papers of chunk `number` to `papers`; chunks are asked for in
    /// descending order.
    func union(into papers: inout PaperChunk, at number: Int) throws {
        while let current = rowid, PaperChunk.chunk(of: current) >= number {
            if PaperChunk.chunk(of: current) == number { papers.insert(current) }
            rowid = try statement.step() ? statement.integer(0) : nil
        }
    }

    func close() { statement.reset() }
}
