import ArxivKit
import Foundation
import TestSupport
import Testing

@testable import ArxivIndex

/// The chunks of common words and prefixes (`DensePapers`) give the candidates FTS5 gives:
/// the newest papers holding every word, the last as a prefix, whichever words have chunks.
@Suite struct DenseSearchTests {
    /// A generated snapshot and 40 newer papers whose authors have letters of Latin Extended-A
    /// (which FTS5 folds and the check of a partial word leaves to FTS5), imported; the chunks
    /// built again for words and prefixes that `least` papers hold, so that some words of the
    /// queries have chunks and others do not.
    private static func index(_ folder: TemporaryFolder, least: Int) throws -> (ArxivIndex, [String]) {
        let (index, titles) = try indexWithUndecidedAuthors(in: folder)
        try index.connection.execute("BEGIN")
        try DensePapers.rebuild(index.connection, leastPapers: least)
        try index.connection.execute("COMMIT")
        return (index, titles)
    }

    /// The newest `limit` papers FTS5 matches for `expression`.
    private static func matched(_ expression: String, in index: ArxivIndex, limit: Int = ArxivIndex.searchCandidates) throws -> Set<Int> {
        let statement = try index.connection.prepare("SELECT -rowid FROM papers_fts WHERE papers_fts MATCH ? LIMIT ?")
        statement.bind(1, expression)
        statement.bind(2, limit)
        var rowids = Set<Int>()
        while try statement.step() { rowids.insert(statement.integer(0)) }
        return rowids
    }

    private static func queries(_ titles: [String]) -> [String] {
        var generator = SystemRandomNumberGenerator()
        var queries: [String] = []
        for title in titles.shuffled(using: &generator).prefix(150) {
            let words = title.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            guard words.count >= 3 else { continue }
            for cut in [1, 2, 3, 4, 5, 6, 7, 9] where cut <= words[1].count {
                queries.append(words[0] + " " + words[1].prefix(cut))
            }
            for cut in [1, 3, 5, 8] where cut <= words[2].count {
                queries.append(words[0] + " " + words[1] + " " + words[2].prefix(cut))
            }
            queries.append(words[0] + " " + words[1] + " ")
        }
        return queries + ["ωmega cw", "ωmega cwi", "łukasz łos", "łos luka", "lukasz"]
    }

    /// `readCost` 0: a partial word is bounded by its prefix's chunks and checked paper by
    /// paper wherever that applies, instead of FTS5 matching its rare completions.
    @Test(arguments: [(1, DenseSearchPlan.readCost), (12, DenseSearchPlan.readCost), (60, DenseSearchPlan.readCost), (12, 0), (60, 0)])
    func candidatesAreTheNewestPapersFTS5Matches(least: Int, readCost: Double) throws {
        let folder = try TemporaryFolder()
        let (index, titles) = try Self.index(folder, least: least)
        let dense = DenseSearch(index.connection)
        dense.readCost = readCost
        var completer: SQLiteStatement?
        var compared = 0
        for query in Self.queries(titles) {
            let ranking = try #require(SearchRanking(query: query))
            let completions =
                ranking.lastIsPrefix
                ? try WordCompletion.completions(of: ranking.words.last!, in: index.connection, statement: &completer)
                : WordCompletion(words: [], complete: false)
            guard let found = try dense.candidates(ranking, completions: completions, wanted: ArxivIndex.searchCandidates) else { continue }
            let expected = try Self.matched(try #require(SearchQuery.expression(for: query)), in: index)
            #expect(Set(found.map(\.rowid)) == expected, "\(query)")
            #expect(found.count == expected.count, "\(query): a paper twice")
            compared += 1
        }
        #expect(compared > 400)
    }

    @Test func theMostFrequentCompletionsStandForAPartialWordWhenAsked() throws {
        let folder = try TemporaryFolder()
        let (index, titles) = try Self.index(folder, least: 12)
        let dense = DenseSearch(index.connection)
        var completer: SQLiteStatement?
        var compared = 0
        for query in Self.queries(titles) {
            let ranking = try #require(SearchRanking(query: query))
            guard ranking.lastIsPrefix else { continue }
            let completions = try WordCompletion.completions(of: ranking.words.last!, in: index.connection, statement: &completer)
            let frequent = completions.words.prefix(WordCompletion.plentiful).map(\.word)
            guard !frequent.isEmpty,
                let found = try dense.candidates(
                    ranking, completions: completions, mostFrequentOnly: true, wanted: ArxivIndex.searchCandidates)
            else { continue }
            let expected = try Self.matched(try #require(SearchQuery.expression(for: query, completions: frequent)), in: index)
            #expect(Set(found.map(\.rowid)) == expected, "\(query)")
            compared += 1
        }
        #expect(compared > 100)
    }

    @Test func searchesReadTheChunksOnlyWhileTheyAreCurrent() throws {
        let folder = try TemporaryFolder()
        let lines = [
            Snapshot.line(id: "2001.00001", title: "Deep learning for the working physicist"),
            Snapshot.line(id: "2001.00002", title: "Learning the theory of learning", authors: "L. Deep"),
        ]
        try folder.write("snapshot.json", lines.joined(separator: "\n") + "\n")
        let index = try ArxivIndex(path: folder.path("arxiv.sqlite"), create: true)
        _ = try index.importSnapshot(path: folder.path("snapshot.json"))
        #expect(try DensePapers.areCurrent(index.connection), "an import builds them")
        let ranking = try #require(SearchRanking(query: "deep lea"))
        let dense = DenseSearch(index.connection)
        #expect(try dense.candidates(ranking, completions: WordCompletion(words: [], complete: false), wanted: 300)?.count == 2)
        // A sync's page makes them stale; its last page builds them again, with its papers.
        try index.beginSync(from: "2007-05-23")
        let record = ArxivRawRecord(
            id: "2411.01234", datestamp: "2026-11-28", title: "Deep leaps", authors: "Mira Okafor", categories: "cs.LG",
            versions: [.init(name: "v1", date: "Fri, 27 Nov 2026 18:04:11 GMT", size: "1kb")])
        _ = try index.commitHarvestPage([record], nextToken: "next", responseDay: "2026-11-30")
        #expect(try !DensePapers.areCurrent(index.connection))
        #expect(try dense.candidates(ranking, completions: WordCompletion(words: [], complete: false), wanted: 300) == nil)
        #expect(try Set(index.search("deep lea").map(\.id)) == ["2001.00001", "2001.00002", "2411.01234"], "FTS5 answers meanwhile")
        _ = try index.commitHarvestPage([], nextToken: nil, responseDay: "2026-11-30")
        #expect(try DensePapers.areCurrent(index.connection))
        #expect(try dense.candidates(ranking, completions: WordCompletion(words: [], complete: false), wanted: 300)?.count == 3)
    }

    @Test func anIndexMadeBeforeTheChunksIsSearchedUntilItHasThem() throws {
        let folder = try TemporaryFolder()
        try folder.write("snapshot.json", Snapshot.line(id: "2001.00001", title: "Deep learning for the working physicist") + "\n")
        let path = folder.path("arxiv.sqlite")
        do {
            let index = try ArxivIndex(path: path, create: true)
            _ = try index.importSnapshot(path: folder.path("snapshot.json"))
            try index.connection.execute(
                "DROP TABLE dense_papers; DROP TABLE dense_keys; DELETE FROM meta WHERE key = 'dense_papers';")
        }
        let index = try ArxivIndex(path: path)
        #expect(try index.search("deep lea").map(\.id) == ["2001.00001"])
        try index.rebuildDensePapers()
        #expect(try DensePapers.areCurrent(index.connection))
        #expect(try index.search("deep lea").map(\.id) == ["2001.00001"])
    }
}

/// A chunk's stored form reads back as the same papers, sparse or dense.
@Suite struct PaperChunkTests {
    @Test(arguments: [0, 1, 30, 255, 256, 700, 4000, 9000, 30000, 65536])
    func theStoredFormReadsBack(count: Int) {
        var generator = SystemRandomNumberGenerator()
        var chunk = PaperChunk()
        for bit in Array(0..<PaperChunk.papers).shuffled(using: &generator).prefix(count) { chunk.insert(bit) }
        if count == 1 { chunk.insert(PaperChunk.papers - 1) }
        let stored = chunk.stored
        #expect(stored.count <= PaperChunk.bitmapBytes)
        var read = PaperChunk()
        stored.withUnsafeBytes { read.formUnion(stored: $0) }
        #expect(read.words == chunk.words)
        var descending: [Int] = []
        _ = read.forEachDescending { bit in
            descending.append(bit)
            return true
        }
        #expect(descending == descending.sorted(by: >))
        #expect(descending.count == chunk.count)
    }
}
