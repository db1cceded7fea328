/// Reads one key's stored chunks (`DensePapers`) newest first, as a search moves down the
/// chunks.
final class DenseKeyCursor {
    private let chunks: SQLiteStatement
    /// The chunk of the row `chunks` is on; nil past the last.
    private var chunk: Int?

    init(_ connection: SQLiteConnection) throws {
        chunks = try connection.prepare("SELECT rowid & 65535, papers FROM dense_papers WHERE rowid BETWEEN ? AND ? ORDER BY rowid DESC")
    }

    /// Starts on the key numbered `id` in `dense_keys`.
    func open(id: Int) throws {
        let rowids = DensePapers.rowids(of: id)
        chunks.reset()
        chunks.bind(1, rowids.lowerBound)
        chunks.bind(2, rowids.upperBound)
        chunk = try chunks.step() ? chunks.integer(0) : nil
    }

    /// Adds the key's papers in chunk `number` to `papers`; chunks are asked for in
    /// descending order.
    func union(into papers: inout PaperChunk, at number: Int) throws {
        while let current = chunk, current > number { chunk = try chunks.step() ? chunks.integer(0) : nil }
        guard chunk == number else { return }
        chunks.withBlob(1) { papers.formUnion(stored: $0) }
    }

    func close() { chunks.reset() }
}
