/// The papers that hold each common word, and each common prefix of one to four letters, as
/// chunks of bits (`dense_papers`: rowid `id << 16 | chunk`, `PaperChunk`'s stored form; a
/// rowid table, whose long rows fill their overflow pages, where a WITHOUT ROWID table's left a
/// third of its pages unused). `dense_keys` numbers the keys (a word as FTS5 stores it, a
/// prefix with `*` after it) and counts their papers. A word or prefix is common when `share` of papers or more hold it.
///
/// FTS5 intersects two common words by walking both lists: `gravity using` is 165,000 list
/// entries for 2,238 papers, 3 ms at 2.7 M papers, and a short partial word adds a prefix list
/// of a third of the index. Their chunks intersect newest first and stop once a search has its
/// candidates. Every chunk is built from FTS5's own lists (`fts5vocab`), so a word or a prefix
/// holds the papers FTS5 would match. Any write to `papers` leaves them stale
/// (`markStale`); the end of an import or of a sync builds them again, and a search reads them
/// only while `meta` says they are current.
enum DensePapers {
    static let share = 0.001
    /// A word is common from a tenth of that: the completions of a partial word are most often
    /// rarer, and a word's chunks cost little more than its list.
    static let wordShare = 0.0003
    static let longestPrefix = 6

    static let tables = """
        CREATE TABLE IF NOT EXISTS dense_keys (key TEXT PRIMARY KEY, id INTEGER NOT NULL, papers INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS dense_papers (rowid INTEGER PRIMARY KEY, papers BLOB NOT NULL);
        """

    /// The rowids of key `id`'s chunks: chunk numbers below 65,536 (4 billion papers).
    static func rowids(of id: Int) -> ClosedRange<Int> { (id << 16)...(id << 16 | 0xFFFF) }

    static func key(prefix: some Collection<UInt8>) -> [UInt8] { Array(prefix) + [UInt8(ascii: "*")] }

    static func markStale(_ connection: SQLiteConnection) throws {
        try connection.execute("DELETE FROM meta WHERE key = 'dense_papers'")
    }

    static func areCurrent(_ connection: SQLiteConnection) throws -> Bool {
        try connection.text("SELECT value FROM meta WHERE key = 'dense_papers'") == "current"
    }

    /// The rows of `fts5vocab`'s instance table and its column counts did not line up: the
    /// chunks are left out (and the search reads FTS5 alone) rather than built wrong.
    struct Unaligned: Error {}

    /// Builds every chunk from the full-text index, inside the caller's transaction.
    /// `leastPapers`: how many papers make a word or prefix common (tests choose).
    static func rebuild(_ connection: SQLiteConnection, leastPapers: Int? = nil) throws {
        try connection.execute(tables)
        try connection.execute("DELETE FROM dense_papers; DELETE FROM dense_keys;")
        do { try build(connection, leastPapers: leastPapers) } catch is Unaligned {
            try connection.execute("DELETE FROM dense_papers; DELETE FROM dense_keys;")
            return
        }
        try connection.execute(
            "INSERT INTO meta (key, value) VALUES ('dense_papers', 'current') ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    }

    private static func build(_ connection: SQLiteConnection, leastPapers: Int?) throws {
        try connection.execute(
            """
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.dense_terms USING fts5vocab(main, 'papers_fts', 'row');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.dense_columns USING fts5vocab(main, 'papers_fts', 'col');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.dense_postings USING fts5vocab(main, 'papers_fts', 'instance');
            """)
        let lastRowid = try connection.integer("SELECT coalesce(max(rowid), 0) FROM papers")
        let (commonTerms, commonPrefixes) = try commonKeys(
            connection, leastForWords: leastPapers ?? max(1, Int(Double(lastRowid) * wordShare)),
            leastForPrefixes: leastPapers ?? max(1, Int(Double(lastRowid) * share)))
        var writer = DenseChunkWriter(
            keys: try connection.prepare("INSERT INTO dense_keys (key, id, papers) VALUES (?, ?, ?)"),
            chunks: try connection.prepare("INSERT INTO dense_papers (rowid, papers) VALUES (?, ?)"))
        // Every (term, paper, column) in term order: a term's papers, then the next term's, so
        // the words a prefix starts come one after the other. How many rows each term has comes
        // from the column counts, so that a row's term is read only where a new one begins.
        let postings = try connection.prepare("SELECT doc, term FROM temp.dense_postings")
        var terms = TermRows(try connection.prepare("SELECT term, doc FROM temp.dense_columns"))
        // Per prefix length: the prefix being gathered, whether it is common.
        var prefixes = [[UInt8]](repeating: [], count: longestPrefix + 1)
        var prefixIsCommon = [Bool](repeating: false, count: longestPrefix + 1)
        let termPapers = DensePaperBits(lastRowid)
        let prefixPapers = (0...longestPrefix).map { _ in DensePaperBits(lastRowid) }
        var term: [UInt8] = []
        var termIsCommon = false
        while let (next, rows) = try terms.next() {
            // In byte order, or a prefix's papers would be written twice.
            guard term.lexicographicallyPrecedes(next) else { throw Unaligned() }
            term = next
            termIsCommon = commonTerms.contains(term)
            for length in 1...longestPrefix {
                let prefix = asciiPrefix(term, length)
                guard prefix != prefixes[length] else { continue }
                if prefixIsCommon[length] { try writer.write(key: key(prefix: prefixes[length]), prefixPapers[length]) }
                prefixes[length] = prefix
                prefixIsCommon[length] = commonPrefixes.contains(prefix)
            }
            let common = (1...longestPrefix).filter { prefixIsCommon[$0] }
            for row in 0..<rows {
                guard try postings.step(), row > 0 || postings.withBytes(1, { $0.elementsEqual(term) }) else {
                    throw Unaligned()
                }
                let rowid = -postings.integer(0)
                guard rowid > 0 && rowid <= lastRowid else { continue }
                if termIsCommon { termPapers.insert(rowid) }
                for length in common { prefixPapers[length].insert(rowid) }
            }
            if termIsCommon { try writer.write(key: term, termPapers) }
        }
        for length in 1...longestPrefix where prefixIsCommon[length] {
            try writer.write(key: key(prefix: prefixes[length]), prefixPapers[length])
        }
    }

    /// The first `length` bytes of `term` when they are letters and digits of ASCII (a query's
    /// partial word is matched against these only), else empty.
    static func asciiPrefix(_ term: [UInt8], _ length: Int) -> [UInt8] {
        guard term.count >= length else { return [] }
        let prefix = term[0..<length]
        return prefix.allSatisfy(isASCIIWordByte) ? Array(prefix) : []
    }

    static func isASCIIWordByte(_ byte: UInt8) -> Bool { byte < 0x80 && SearchRanking.isWordByte(byte) }

    /// The terms that `leastForWords` papers hold, and the prefixes whose terms' counts add up
    /// to `leastForPrefixes` or more (an upper bound of the papers holding one of them). The
    /// terms come in byte order, so a prefix's terms are summed one after the other: only the
    /// common keys are kept (the real snapshot's author names make millions of terms).
    private static func commonKeys(_ connection: SQLiteConnection, leastForWords: Int, leastForPrefixes: Int) throws -> (
        Set<[UInt8]>, Set<[UInt8]>
    ) {
        var terms: Set<[UInt8]> = []
        var prefixes: Set<[UInt8]> = []
        var current = [[UInt8]](repeating: [], count: longestPrefix + 1)
        var sums = [Int](repeating: 0, count: longestPrefix + 1)
        let counts = try connection.prepare("SELECT term, doc FROM temp.dense_terms")
        while try counts.step() {
            let term = counts.withBytes(0) { Array($0) }
            let papers = counts.integer(1)
            if papers >= leastForWords { terms.insert(term) }
            for length in 1...longestPrefix {
                let prefix = asciiPrefix(term, length)
                if prefix != current[length] {
                    if sums[length] >= leastForPrefixes && !current[length].isEmpty { prefixes.insert(current[length]) }
                    current[length] = prefix
                    sums[length] = 0
                }
                if !prefix.isEmpty { sums[length] += papers }
            }
        }
        for length in 1...longestPrefix where sums[length] >= leastForPrefixes && !current[length].isEmpty {
            prefixes.insert(current[length])
        }
        return (terms, prefixes)
    }
}

/// Each term of `fts5vocab`'s column table, in its order, with its rows in the instance table
/// (one a column that holds it in a paper), without sorting the table.
struct TermRows {
    private let columns: SQLiteStatement
    private var pending: Bool?

    init(_ columns: SQLiteStatement) { self.columns = columns }

    mutating func next() throws -> (term: [UInt8], rows: Int)? {
        if pending == nil { pending = try columns.step() }
        guard pending == true else { return nil }
        let term = columns.withBytes(0) { Array($0) }
        var rows = 0
        while pending == true && columns.withBytes(0, { $0.elementsEqual(term) }) {
            rows += columns.integer(1)
            pending = try columns.step()
        }
        return (term, rows)
    }
}

/// One bit per paper of the whole index, for a key being gathered, and which chunks hold any.
final class DensePaperBits {
    let words: UnsafeMutableBufferPointer<UInt64>
    let touched: UnsafeMutableBufferPointer<Bool>

    init(_ lastRowid: Int) {
        words = .allocate(capacity: (lastRowid >> 6) + 1)
        words.initialize(repeating: 0)
        touched = .allocate(capacity: PaperChunk.chunk(of: lastRowid) + 1)
        touched.initialize(repeating: false)
    }

    deinit {
        words.deallocate()
        touched.deallocate()
    }

    func insert(_ rowid: Int) {
        words[rowid &>> 6] |= 1 &<< UInt64(rowid & 63)
        touched[PaperChunk.chunk(of: rowid)] = true
    }
}

/// Numbers a key and writes its chunks, the non-empty ones, then clears its bits for the next.
struct DenseChunkWriter {
    let keys: SQLiteStatement
    let chunks: SQLiteStatement
    private var id = 0
    private var chunk = PaperChunk()

    init(keys: SQLiteStatement, chunks: SQLiteStatement) {
        self.keys = keys
        self.chunks = chunks
    }

    mutating func write(key: [UInt8], _ bits: DensePaperBits) throws {
        id += 1
        var papers = 0
        for number in bits.touched.indices where bits.touched[number] {
            bits.touched[number] = false
            let start = number * PaperChunk.wordCount
            let end = min(start + PaperChunk.wordCount, bits.words.count)
            chunk.words.withUnsafeMutableBufferPointer { words in
                for index in start..<end {
                    words[index - start] = bits.words[index]
                    bits.words[index] = 0
                }
                for index in (end - start)..<PaperChunk.wordCount { words[index] = 0 }
            }
            papers += chunk.count
            chunks.reset()
            chunks.bind(1, DensePapers.rowids(of: id).lowerBound | number)
            chunk.stored.withUnsafeBytes { chunks.bind(2, blob: $0) }
            try chunks.step()
        }
        keys.reset()
        keys.bind(1, bytes: key)
        keys.bind(2, id)
        keys.bind(3, papers)
        try keys.step()
    }
}
