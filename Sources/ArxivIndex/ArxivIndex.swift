import ArxivKit
internal import CSQLite
import Foundation

/// The local arXiv index (one SQLite file, WAL): open it, look a paper up, search titles and
/// authors. One instance belongs to one thread at a time.
public final class ArxivIndex {
    public let path: String
    let connection: SQLiteConnection
    private var lookup: SQLiteStatement?
    private var searcher: SQLiteStatement?
    private var byRowid: SQLiteStatement?
    private var completer: SQLiteStatement?
    var exactLookup: SQLiteStatement?
    /// Off in tests, to compare with FTS5 matching the partial word itself.
    var scansForPartialWords = true

    /// Opens the index at `path`; `create` makes it (and its folder) when it is missing,
    /// otherwise a missing index is `ArxivIndexError.missing`.
    public init(path: String, create: Bool = false) throws {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            guard create else { throw ArxivIndexError.missing(path: path) }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        }
        do {
            connection = try SQLiteConnection(path: path)
            try connection.execute("PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;")
            try IndexSchema.prepare(connection)
        } catch let error as SQLiteError {
            throw ArxivIndexError.database(path: path, error)
        }
    }

    func wrap<Result>(_ body: () throws -> Result) throws -> Result {
        do { return try body() } catch let error as SQLiteError { throw ArxivIndexError.database(path: path, error) }
    }

    // MARK: Meta

    public func meta(_ key: String) throws -> String? {
        try wrap { try connection.text("SELECT value FROM meta WHERE key = ?", key) }
    }

    func setMeta(_ key: String, _ value: String) throws {
        let statement = try connection.prepare(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        statement.bind(1, key)
        statement.bind(2, value)
        try statement.step()
    }

    // MARK: Reading

    public var paperCount: Int {
        get throws { try wrap { try connection.integer("SELECT count(*) FROM papers") } }
    }

    /// The file and its write-ahead log, in bytes.
    public var sizeOnDisk: Int {
        [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }

    public func integrityCheck() throws -> String {
        try wrap { try connection.text("PRAGMA integrity_check") ?? "" }
    }

    /// The paper with this identifier; a version (`2104.09864v2`) or an `arXiv:` prefix is
    /// ignored.
    public func paper(id text: String) throws -> Paper? {
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.lowercased().hasPrefix("arxiv:") { text = String(text.dropFirst(6)) }
        let id = ArxivIdentifier.parse(text)?.id ?? text
        return try wrap {
            if lookup == nil { lookup = try connection.prepare("SELECT \(Self.columns) FROM papers WHERE id = ?") }
            let statement = lookup!
            defer { statement.reset() }
            statement.bind(1, id)
            return try statement.step() ? Self.paper(statement) : nil
        }
    }

    /// How many of the newest matching papers a search ranks: a query that matches more
    /// (`the l`) is too broad for its ranking to mean much, and ranking them all would cost a
    /// pass over a large part of the index.
    public static let searchCandidates = 300

    /// Papers whose title or authors hold every word of `query`, the last word as a prefix,
    /// best first (`SearchRanking`: BM25F, a title word weighing ten author words).
    public func search(_ query: String, limit: Int = 10) throws -> [Paper] {
        guard let ranking = SearchRanking(query: query) else { return [] }
        return try wrap {
            let completions =
                ranking.lastIsPrefix ? try WordCompletion.completions(of: ranking.words.last!, in: connection, statement: &completer) : []
            guard let expression = SearchQuery.expression(for: query, completions: completions) else { return [] }
            if searcher == nil {
                searcher = try connection.prepare(
                    """
                    SELECT papers.rowid, papers.title, papers.authors
                    FROM (SELECT -rowid AS match FROM papers_fts WHERE papers_fts MATCH ? LIMIT ?)
                    JOIN papers ON papers.rowid = match
                    """)
            }
            if byRowid == nil { byRowid = try connection.prepare("SELECT \(Self.columns) FROM papers WHERE rowid = ?") }
            let candidates = searcher!
            defer { candidates.reset() }
            var scored = try prefixFiltered(query, ranking, candidates) ?? []
            if scored.isEmpty {
                candidates.reset()
                candidates.bind(1, expression)
                candidates.bind(2, Self.searchCandidates)
                while try candidates.step() {
                    let score = candidates.withBytes(1) { title in
                        candidates.withBytes(2) { authors in ranking.score(title: title, authors: authors) }
                    }
                    scored.append((score, candidates.integer(0)))
                }
            }
            // Best first; among equals, the newer paper.
            scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.rowid > $1.rowid }
            let row = byRowid!
            var papers: [Paper] = []
            for candidate in scored.prefix(limit) {
                defer { row.reset() }
                row.bind(1, candidate.rowid)
                if try row.step() { papers.append(Self.paper(row)) }
            }
            return papers
        }
    }

    /// How many papers holding the other words are read to find those that also hold the
    /// partial last word, before FTS5 is asked to match it instead.
    static let prefixScan = 1000

    /// The same candidates as matching the partial last word in FTS5, found by matching the
    /// other words and reading on, newest first, until `searchCandidates` of them hold a word
    /// that starts with it: FTS5 gathers a prefix's whole list (every word starting with `t`)
    /// before it intersects, 8 to 12 ms at 2.7 M papers, where the other words alone take under
    /// one. nil when this does not apply or the scan ends before it is sure (the caller then
    /// asks FTS5); an empty array when nothing matches.
    private func prefixFiltered(
        _ query: String, _ ranking: SearchRanking, _ candidates: SQLiteStatement
    ) throws -> [(score: Double, rowid: Int)]? {
        guard scansForPartialWords, ranking.lastIsPrefix, let others = SearchQuery.expression(for: query, leavingOutLast: true) else {
            return nil
        }
        candidates.bind(1, others)
        candidates.bind(2, Self.prefixScan)
        var scored: [(score: Double, rowid: Int)] = []
        var read = 0
        while try candidates.step() {
            read += 1
            let score = candidates.withBytes(1) { title in
                candidates.withBytes(2) { authors -> Double?? in
                    ranking.holdsLastWord(title: title, authors: authors).map { $0 ? ranking.score(title: title, authors: authors) : nil }
                }
            }
            // Undecided: FTS5 decides.
            guard let score else { return nil }
            guard let score else { continue }
            scored.append((score, candidates.integer(0)))
            if scored.count == Self.searchCandidates { return scored }
        }
        return read < Self.prefixScan ? scored : nil
    }

    static let columns = """
        id, title, authors, categories, version_count, first_version_date, latest_version_date, update_date, doi, journal_ref, \
        comments, withdrawn, abstract
        """

    static func paper(_ row: SQLiteStatement) -> Paper {
        Paper(
            id: row.text(0) ?? "", title: row.text(1) ?? "", authors: row.text(2) ?? "",
            categories: (row.text(3) ?? "").split(separator: " ").map(String.init), versionCount: row.integer(4),
            firstVersionDate: row.text(5), latestVersionDate: row.text(6), updateDate: row.text(7), doi: row.text(8),
            journalReference: row.text(9), comments: row.text(10), withdrawn: row.integer(11) != 0, abstract: row.text(12))
    }
}
