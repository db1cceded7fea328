/// The candidates of a search read from `DensePapers`: the chunks of the common words and of
/// the partial last word intersected newest first, and FTS5 asked only about the words that
/// are not common, whose lists are short, each paper it gives checked against the chunks. The
/// candidates are the newest `wanted` papers holding every required word and a word starting
/// with the partial one, as FTS5 matching them all would give.
///
/// A partial last word of one to six letters is its prefix's chunks; a longer one, the union of
/// its completions' when they are all common. When some are not (`DenseSearchPlan`), either the
/// chunks of its first six letters bound it and each paper there that no common completion
/// holds is read and checked (`SearchRanking.holdsLastWord`, FTS5 deciding where that cannot),
/// or the papers FTS5 matches for the rare completions join the common ones' chunks.
final class DenseSearch {
    private let connection: SQLiteConnection
    private var cursors: [DenseKeyCursor] = []
    private var matchedRows: [MatchedRowsCursor] = []
    private var keyLookup: SQLiteStatement?
    private var text: SQLiteStatement?
    private var rareMatches: SQLiteStatement?
    private var lastWordCheck: SQLiteStatement?
    /// What reading and checking a paper costs against a paper FTS5 gives (tests choose 0, to
    /// check papers whenever the chunks of a prefix can bound the partial word).
    var readCost = DenseSearchPlan.readCost

    init(_ connection: SQLiteConnection) { self.connection = connection }

    /// The newest `wanted` candidates, scored; nil when this does not apply (no current chunks,
    /// no common word, a partial word that is not ASCII, or one whose words are many and rare),
    /// for FTS5 alone to answer. `mostFrequentOnly`: the partial word stands for its `WordCompletion.plentiful` most
    /// frequent completions only, as FTS5 matching is given them when many papers match.
    func candidates(_ ranking: SearchRanking, completions: WordCompletion, mostFrequentOnly: Bool = false, wanted: Int) throws -> [(
        score: Double, rowid: Int
    )]? {
        guard try DensePapers.areCurrent(connection) else { return nil }
        let lastRowid = try connection.integer("SELECT coalesce(max(rowid), 0) FROM papers")
        guard
            let plan = try DenseSearchPlan.plan(
                ranking,
                mostFrequentOnly
                    ? WordCompletion(words: Array(completions.words.prefix(WordCompletion.plentiful)), complete: true) : completions,
                wordsOnly: mostFrequentOnly, papers: lastRowid, readCost: readCost, key: key)
        else { return nil }
        return try evaluate(plan, ranking, lastChunk: PaperChunk.chunk(of: lastRowid), wanted: wanted)
    }

    /// The number and paper count of a key in `dense_keys`; nil when it is not common.
    private func key(_ key: [UInt8]) throws -> DenseSearchPlan.Key? {
        if keyLookup == nil { keyLookup = try connection.prepare("SELECT id, papers FROM dense_keys WHERE key = ?") }
        let lookup = keyLookup!
        defer { lookup.reset() }
        lookup.bind(1, bytes: key, emptyIsNull: false)
        return try lookup.step() ? DenseSearchPlan.Key(id: lookup.integer(0), papers: lookup.integer(1)) : nil
    }

    private func evaluate(_ plan: DenseSearchPlan, _ ranking: SearchRanking, lastChunk: Int, wanted: Int) throws -> [(
        score: Double, rowid: Int
    )] {
        var opened = 0
        var matching = 0
        func open(_ keys: [DenseSearchPlan.Key]) throws -> [DenseKeyCursor] {
            try keys.map { key in
                if opened == cursors.count { cursors.append(try DenseKeyCursor(connection)) }
                try cursors[opened].open(id: key.id)
                opened += 1
                return cursors[opened - 1]
            }
        }
        func open(_ factor: DenseSearchPlan.Factor) throws -> ChunkIntersection.Factor {
            guard let expression = factor.matching else { return ChunkIntersection.Factor(keys: try open(factor.keys), matched: nil) }
            if matching == matchedRows.count { matchedRows.append(try MatchedRowsCursor(connection)) }
            try matchedRows[matching].open(expression)
            matching += 1
            return ChunkIntersection.Factor(keys: try open(factor.keys), matched: matchedRows[matching - 1])
        }
        defer {
            for cursor in cursors.prefix(opened) { cursor.close() }
            for cursor in matchedRows.prefix(matching) { cursor.close() }
        }
        // The rarest first: a chunk none of its papers is in is left without reading the others.
        let factors = plan.factors.sorted { $0.papers < $1.papers }
        var chunks = ChunkIntersection(factors: try factors.map(open), exactKeys: try plan.exact.map(open))
        var scored: [(score: Double, rowid: Int)] = []
        var rowids: [Int] = []
        if plan.rare.isEmpty {
            for number in stride(from: lastChunk, through: 0, by: -1) where try chunks.load(number) {
                let base = number << PaperChunk.shift
                rowids.removeAll(keepingCapacity: true)
                _ = chunks.papers.forEachDescending { bit in
                    rowids.append(base | bit)
                    return true
                }
                for rowid in rowids {
                    let lastWord = chunks.isSure(rowid) ? nil : plan.lastWord
                    if let score = try score(rowid, ranking, checkingLastWord: lastWord) { scored.append((score, rowid)) }
                    if scored.count == wanted { return scored }
                }
            }
            return scored
        }
        if rareMatches == nil {
            rareMatches = try connection.prepare("SELECT -rowid FROM papers_fts WHERE papers_fts MATCH ?")
        }
        let matches = rareMatches!
        defer { matches.reset() }
        matches.bind(1, plan.rare.joined(separator: " AND "))
        var loaded: (number: Int, any: Bool) = (Int.max, false)
        while try matches.step() {
            let rowid = matches.integer(0)
            if !chunks.isEmpty {
                let number = PaperChunk.chunk(of: rowid)
                if number != loaded.number { loaded = (number, try chunks.load(number)) }
                guard loaded.any && chunks.papers.contains(rowid) else { continue }
            }
            let lastWord = chunks.isSure(rowid) ? nil : plan.lastWord
            if let score = try score(rowid, ranking, checkingLastWord: lastWord) { scored.append((score, rowid)) }
            if scored.count == wanted { break }
        }
        return scored
    }

    /// The paper's score; nil when `checkingLastWord` (its FTS5 expression) is given and the
    /// paper holds no word starting with the partial last word.
    private func score(_ rowid: Int, _ ranking: SearchRanking, checkingLastWord lastWord: String?) throws -> Double? {
        if text == nil { text = try connection.prepare("SELECT title, authors FROM papers WHERE rowid = ?") }
        let row = text!
        defer { row.reset() }
        row.bind(1, rowid)
        guard try row.step() else { return nil }
        let result = row.withBytes(0) { title in
            row.withBytes(1) { authors -> (holds: Bool?, score: Double) in
                (
                    lastWord == nil ? true : ranking.holdsLastWord(title: title, authors: authors),
                    ranking.score(title: title, authors: authors)
                )
            }
        }
        switch result.holds {
        case true?: return result.score
        case false?: return nil
        case nil: return try ftsHolds(rowid, lastWord!) ? result.score : nil
        }
    }

    /// Whether FTS5 matches the paper against `expression`, for letters the check cannot fold.
    private func ftsHolds(_ rowid: Int, _ expression: String) throws -> Bool {
        if lastWordCheck == nil {
            lastWordCheck = try connection.prepare("SELECT 1 FROM papers_fts WHERE papers_fts MATCH ? AND rowid = ?")
        }
        let check = lastWordCheck!
        defer { check.reset() }
        check.bind(1, expression)
        check.bind(2, -rowid)
        return try check.step()
    }
}
