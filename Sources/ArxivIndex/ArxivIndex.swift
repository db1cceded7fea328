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
    private lazy var counts = PaperCounts(connection)
    private lazy var dense = DenseSearch(connection)
    /// Off in tests, to compare the ways that match with FTS5 alone.
    var readsDensePapers = true
    var exactLookup: SQLiteStatement?
    /// How a partial last word after other words is matched; tests choose, to compare the ways.
    var partialWordPlan = PartialWordPlan.estimated
    /// How many papers holding the other words a scan reads (`prefixScan`; smaller in tests).
    var scanLimit = ArxivIndex.prefixScan

    /// Opens the index at `path`; `create` makes it (and its folder) when it is missing,
    /// otherwise a missing index is `ArxivIndexError.missing`. `mapped`: read the file through
    /// a memory map instead of copying each page into the page cache of SQLite, for a process
    /// that searches and exits (a search 15 to 20% faster at 2.7 M papers). A long-lived reader
    /// does not map it: every page it ever touched would count in its resident memory.
    public init(path: String, create: Bool = false, mapped: Bool = false) throws {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            guard create else { throw ArxivIndexError.missing(path: path) }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        }
        do {
            connection = try SQLiteConnection(path: path)
            try connection.execute("PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;")
            // SQLite's default ceiling for a map, 2 GB.
            if mapped { try connection.execute("PRAGMA mmap_size = 2147418112") }
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
                ranking.lastIsPrefix
                ? try WordCompletion.completions(of: ranking.words.last!, in: connection, statement: &completer)
                : WordCompletion(words: [], complete: false)
            let costs = try costs(ranking, completions)
            // The completions stand for the partial word when they are all the words it starts;
            // the most frequent few, when so many papers hold them that the first candidates come
            // early.
            let expectedMatches = costs?.expectedMatches ?? Double(completions.papers)
            let plentiful = expectedMatches >= 2 * Double(Self.searchCandidates)
            let alternation =
                plentiful ? completions.words.prefix(WordCompletion.plentiful) : completions.complete ? completions.words[...] : []
            if readsDensePapers,
                let found = try dense.candidates(
                    ranking, completions: completions, mostFrequentOnly: plentiful && !completions.words.isEmpty,
                    wanted: Self.searchCandidates)
            {
                return try best(found, limit: limit)
            }
            guard let expression = SearchQuery.expression(for: query, completions: alternation.map(\.word))
            else { return [] }
            if searcher == nil {
                searcher = try connection.prepare(
                    """
                    SELECT papers.rowid, papers.title, papers.authors
                    FROM (SELECT -rowid AS match FROM papers_fts WHERE papers_fts MATCH ? AND rowid > ? LIMIT ?)
                    JOIN papers ON papers.rowid = match
                    """)
            }
            let candidates = searcher!
            defer { candidates.reset() }
            var scan = PartialWordScan(found: [], readOn: .min)
            if let others = SearchQuery.expression(for: query, leavingOutLast: true), let costs, partialWordPlan.plan(costs) == .scanOthers
            {
                scan = try prefixFiltered(others, ranking, candidates) { read, found in
                    partialWordPlan.givesUp(costs, read: read, found: found)
                }
            }
            var scored = scan.found
            // FTS5 matches every word from where the scan stopped, newest first as the scan read.
            if let after = scan.readOn {
                candidates.reset()
                candidates.bind(1, expression)
                candidates.bind(2, after)
                candidates.bind(3, Self.searchCandidates - scored.count)
                while try candidates.step() {
                    let score = candidates.withBytes(1) { title in
                        candidates.withBytes(2) { authors in ranking.score(title: title, authors: authors) }
                    }
                    scored.append((score, candidates.integer(0)))
                }
            }
            return try best(scored, limit: limit)
        }
    }

    /// The `limit` best of the scored candidates, best first; among equals, the newer paper.
    private func best(_ scored: [(score: Double, rowid: Int)], limit: Int) throws -> [Paper] {
        if byRowid == nil { byRowid = try connection.prepare("SELECT \(Self.columns) FROM papers WHERE rowid = ?") }
        let row = byRowid!
        var papers: [Paper] = []
        for candidate in scored.sorted(by: { $0.score != $1.score ? $0.score > $1.score : $0.rowid > $1.rowid }).prefix(limit) {
            defer { row.reset() }
            row.bind(1, candidate.rowid)
            if try row.step() { papers.append(Self.paper(row)) }
        }
        return papers
    }

    /// Builds the chunks of common words and prefixes (`DensePapers`) again, in one
    /// transaction: for an index imported before they existed.
    public func rebuildDensePapers() throws {
        try wrap {
            try connection.execute("BEGIN IMMEDIATE")
            do {
                try DensePapers.rebuild(connection)
                try connection.execute("COMMIT")
            } catch {
                try? connection.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// How many papers holding the other words are read to find those that also hold the
    /// partial last word, before FTS5 is asked to match it instead.
    static let prefixScan = 1000

    /// The plan `SearchCosts` estimates, or one that tests choose to compare the ways.
    enum PartialWordPlan {
        case estimated
        case matchAll
        /// A scan that leaves the rest to FTS5 once it has read `givingUpAfter` papers.
        case scan(givingUpAfter: Int?)

        func plan(_ costs: SearchCosts) -> SearchPlan {
            switch self {
            case .estimated: costs.plan
            case .matchAll: .matchAll
            case .scan: .scanOthers
            }
        }

        func givesUp(_ costs: SearchCosts, read: Int, found: Int) -> Bool {
            switch self {
            case .estimated: read == costs.scanLimit / 5 && costs.givesUp(read: read, found: found)
            case .matchAll: false
            case .scan(let after): read == after
            }
        }
    }

    /// The costs of answering a query with a partial last word after other words one way or
    /// the other; nil for any other query.
    func costs(_ ranking: SearchRanking, _ completions: WordCompletion) throws -> SearchCosts? {
        guard ranking.lastIsPrefix else { return nil }
        let others = SearchQuery.requiredOthers(ranking)
        guard !others.isEmpty else { return nil }
        return SearchCosts(
            papers: Double(try counts.papers), otherCounts: try others.map { try counts.count(of: $0) },
            lastCount: try counts.count(startingWith: ranking.words.last!, completions: completions), scanLimit: scanLimit,
            wanted: Self.searchCandidates)
    }

    /// What a scan for the partial last word found: the candidates, and where FTS5 is to read
    /// on (the `papers_fts` rowid after the last paper the scan decided), nil when the scan is
    /// complete.
    struct PartialWordScan {
        var found: [(score: Double, rowid: Int)]
        var readOn: Int?
    }

    /// The candidates that match the partial last word, found by matching the other words
    /// (`others`) in FTS5 and checking each paper read for a word that starts with it, newest
    /// first, until `searchCandidates` are found or `scanLimit` papers are read. FTS5 matches
    /// a prefix slowly (it gathers the whole list of a partial word of four letters or more,
    /// and seeks slowly in a prefix index), while the other words alone take under a
    /// millisecond. `givesUp(read, found)`: whether to stop there. FTS5 reads on from a scan
    /// that ends unsure, and from a paper whose letters the check cannot decide.
    private func prefixFiltered(
        _ others: String, _ ranking: SearchRanking, _ candidates: SQLiteStatement, givesUp: (_ read: Int, _ found: Int) -> Bool
    ) throws -> PartialWordScan {
        candidates.bind(1, others)
        candidates.bind(2, Int.min)
        candidates.bind(3, scanLimit)
        var scan = PartialWordScan(found: [], readOn: nil)
        var read = 0
        while try candidates.step() {
            let rowid = candidates.integer(0)
            let score = candidates.withBytes(1) { title in
                candidates.withBytes(2) { authors -> Double?? in
                    ranking.holdsLastWord(title: title, authors: authors).map { $0 ? ranking.score(title: title, authors: authors) : nil }
                }
            }
            guard let score else { return PartialWordScan(found: scan.found, readOn: -rowid - 1) }
            read += 1
            scan.readOn = -rowid
            if let score {
                scan.found.append((score, rowid))
                if scan.found.count == Self.searchCandidates { return PartialWordScan(found: scan.found, readOn: nil) }
            }
            if givesUp(read, scan.found.count) { return scan }
        }
        return read < scanLimit ? PartialWordScan(found: scan.found, readOn: nil) : scan
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
