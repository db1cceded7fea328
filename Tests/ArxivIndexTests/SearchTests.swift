import Foundation
import TestSupport
import Testing

@testable import ArxivIndex

/// Search as people type: every word required, the last a prefix, an exact title first, a
/// title word above an author's name.
@Suite struct SearchTests {
    let folder: TemporaryFolder
    let index: ArxivIndex

    init() throws {
        folder = try TemporaryFolder()
        let lines = [
            Snapshot.line(id: "1706.03762", title: "Attention Is All You Need", authors: "Ashish Vaswani, Noam Shazeer and Niki Parmar"),
            Snapshot.line(id: "2001.00001", title: "Is Attention All You Need for Graphs? A Study of\n  Attention in Graph Networks"),
            Snapshot.line(id: "2001.00002", title: "All you need is love", authors: "Attention Smith"),
            Snapshot.line(id: "2001.00003", title: "Deep learning for the working physicist"),
            Snapshot.line(id: "2001.00004", title: "Learning the theory of learning", authors: "L. Deep"),
            Snapshot.line(id: "hep-th/9901001", title: "Müller's string dualities", authors: "J. Müller"),
        ]
        try folder.write("snapshot.json", lines.joined(separator: "\n") + "\n")
        index = try ArxivIndex(path: folder.path("arxiv.sqlite"), create: true)
        _ = try index.importSnapshot(path: folder.path("snapshot.json"))
    }

    @Test func anExactTitleComesFirst() throws {
        #expect(try index.search("Attention Is All You Need").first?.id == "1706.03762")
        #expect(try index.search("attention is all you ne").first?.id == "1706.03762")
    }

    @Test func theLastWordMatchesAsAPrefix() throws {
        #expect(try Set(index.search("deep learn").map(\.id)) == ["2001.00003", "2001.00004"])
        #expect(try index.search("deep learn").first?.id == "2001.00003", "a title word weighs more than an author's name")
        #expect(try index.search("working phys").map(\.id) == ["2001.00003"])
        #expect(try index.search("work phys").isEmpty, "only the last word is a prefix")
        #expect(try index.search("working phys ").isEmpty, "a finished word is not a prefix")
    }

    @Test func titlesWeighMoreThanAuthors() throws {
        let found = try index.search("attention").map(\.id)
        #expect(Set(found) == ["1706.03762", "2001.00001", "2001.00002"])
        #expect(found.last == "2001.00002")
    }

    @Test func authorsAndDiacriticsAreFound() throws {
        #expect(try index.search("vaswani").map(\.id) == ["1706.03762"])
        #expect(try index.search("muller string").map(\.id) == ["hep-th/9901001"])
    }

    @Test func aPartialWordIsCompletedFromTheIndexsWords() throws {
        #expect(try index.search("lear").map(\.id).sorted() == ["2001.00003", "2001.00004"])
        #expect(try index.search("attention graph netw").map(\.id) == ["2001.00001"])
        #expect(try index.search("vasw").map(\.id) == ["1706.03762"])
        #expect(try index.search("zzzz").isEmpty)
        var statement: SQLiteStatement?
        let completion = try WordCompletion.completions(of: Array("atte".utf8), in: index.connection, statement: &statement)
        #expect(completion.words.map(\.word) == [Array("attention".utf8)])
        #expect(completion.words.map(\.papers) == [4], "every occurrence counts: 2001.00001 holds it twice")
        #expect(completion.complete)
    }

    @Test func aPartialWordStartingManyWordsMissesNone() throws {
        let folder = try TemporaryFolder()
        // Nine words start `nute`, two papers each; `nutez`, the tenth, is in one paper. Then
        // more words than an alternation holds start `tiva`: the prefix itself is matched.
        var lines = "abcdefghi".enumerated().flatMap { number, letter in
            (1...2).map { copy in Snapshot.line(id: String(format: "2001.%05d", 10 * number + copy), title: "Study of nute\(letter)") }
        }
        lines.append(Snapshot.line(id: "2002.00001", title: "Deep nutez"))
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for number in 0...WordCompletion.limit {
            let word = "tiva" + String(letters[number / 26]) + String(letters[number % 26])
            lines.append(Snapshot.line(id: String(format: "2003.%05d", number + 1), title: "Survey of \(word)"))
        }
        lines.append(Snapshot.line(id: "2004.00001", title: "Deep tivazz", authors: "J. Bérard"))
        try folder.write("snapshot.json", lines.joined(separator: "\n") + "\n")
        let index = try ArxivIndex(path: folder.path("arxiv.sqlite"), create: true)
        _ = try index.importSnapshot(path: folder.path("snapshot.json"))
        #expect(try index.search("nute", limit: 50).count == 19)
        #expect(try index.search("tiva", limit: 300).count == WordCompletion.limit + 2)
        index.partialWordPlan = .matchAll
        #expect(try index.search("deep nute").map(\.id) == ["2002.00001"])
        #expect(try index.search("deep tiva").map(\.id) == ["2004.00001"])
        // Words are counted as FTS5 folds them, so `bera` completes to the author's name.
        var statement: SQLiteStatement?
        let completion = try WordCompletion.completions(of: Array("bera".utf8), in: index.connection, statement: &statement)
        #expect(completion.words.map(\.word) == [Array("berard".utf8)])
        #expect(try index.search("deep bera").map(\.id) == ["2004.00001"])
    }

    @Test func functionWordsStillRank() throws {
        #expect(try index.search("learning the theory of").first?.id == "2001.00004")
        #expect(try index.search("deep learning for the").first?.id == "2001.00003")
    }

    @Test func limitsAndOddQueries() throws {
        #expect(try index.search("attention", limit: 1).count == 1)
        #expect(try index.search("").isEmpty)
        #expect(try index.search("\"*^ -:").isEmpty)
        #expect(try index.search("AND OR NOT").isEmpty)
        #expect(try index.search("nothing matches this").isEmpty)
    }

    @Test func aMissingPaperIsNil() throws {
        #expect(try index.paper(id: "9912.99999") == nil)
        #expect(try index.paper(id: "hep-th/9901001v3")?.title == "Müller's string dualities")
    }

    @Test func theQueryExpressionQuotesEveryWord() {
        #expect(SearchQuery.expression(for: "attention needs al") == "\"attention\" AND \"needs\" AND \"al\"*")
        #expect(SearchQuery.expression(for: "graph-based NEAR(") == "\"graph\" AND \"based\" AND \"near\"")
        #expect(SearchQuery.expression(for: "  ") == nil)
        #expect(
            SearchQuery.expression(for: "the theory of") == "\"theory\" AND \"of\"*", "function words but the last are left to the ranking")
        #expect(
            SearchQuery.expression(for: "deep netw", completions: [Array("networks".utf8), Array("network".utf8)])
                == "\"deep\" AND (\"networks\" OR \"network\")")
    }
}

/// Candidates found by matching the other words and checking the partial last one in Swift
/// are the ones FTS5 finds matching it itself, whether the scan reads every paper, gives up
/// early, or meets letters it cannot decide: FTS5 reads on from where it stopped.
@Suite struct PartialWordScanTests {
    @Test func scanningFindsWhatFTS5Finds() throws {
        let folder = try TemporaryFolder()
        // The newest papers, read first, with letters that the scan leaves to FTS5 (`Ł`), beside
        // words of the generated titles.
        let (index, titles) = try indexWithUndecidedAuthors(in: folder)
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        // The ways FTS5 matches, without the chunks of common words (`DenseSearchTests`).
        index.readsDensePapers = false
        func search(_ query: String, _ plan: ArxivIndex.PartialWordPlan, scanLimit: Int = ArxivIndex.prefixScan) throws -> [String] {
            index.partialWordPlan = plan
            index.scanLimit = scanLimit
            return try index.search(query, limit: 300).map(\.id)
        }
        for title in titles.shuffled(using: &generator).prefix(300) {
            let words = title.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            guard words.count >= 2 else { continue }
            let last = words[1]
            for cut in [1, 2, 3, 5] where cut <= last.count {
                let query = words[0] + " " + last.prefix(cut)
                let matched = try search(query, .matchAll)
                let scanned = try search(query, .scan(givingUpAfter: nil))
                let givenUp = try search(query, .scan(givingUpAfter: 15), scanLimit: 40)
                let estimated = try search(query, .estimated)
                if cut < 4 {
                    #expect(scanned == matched, "\(query)")
                    #expect(givenUp == matched, "\(query): a scan that gives up")
                    #expect(estimated == matched, "\(query): the estimated plan")
                } else {
                    // FTS5 is given the word's eight most frequent completions; the scan takes any.
                    for found in [scanned, givenUp, estimated] { #expect(Set(matched).isSubset(of: Set(found)), "\(query)") }
                    #expect(Set(givenUp).isSubset(of: Set(scanned)), "\(query)")
                }
                compared += 1
            }
        }
        #expect(compared > 500)
        // FTS5 folds `Ć` to `c`; the scan cannot tell, so FTS5 decides each of these papers.
        let folded = try search("ωmega cw", .matchAll)
        #expect(folded.count == 40)
        #expect(try search("ωmega cw", .scan(givingUpAfter: nil)) == folded)
    }

    @Test func thePlanFollowsTheEstimates() {
        let papers = 2_700_000.0
        func costs(_ others: [Double], _ last: Double) -> SearchCosts {
            SearchCosts(papers: papers, otherCounts: others.map { $0 * papers }, lastCount: last * papers, scanLimit: 1000, wanted: 300)
        }
        #expect(costs([0.0002], 0.3).plan == .scanOthers, "a rare word and a common partial one: its papers are read")
        #expect(costs([0.05, 0.05], 1).plan == .scanOthers, "common words and a one-letter partial word")
        #expect(costs([0.02, 0.04], 0.1).plan == .matchAll, "common words and a partial word one paper in ten holds")
        #expect(costs([0.02], 0.002).plan == .matchAll, "a rare partial word: FTS5 reads its short list")
        let scan = costs([0.05, 0.05], 1)
        #expect(!scan.givesUp(read: 200, found: 190), "a scan finding what it expected reads on")
        #expect(scan.givesUp(read: 200, found: 1), "a partial word rarer than expected is left to FTS5")
    }
}

/// The ranking read in place scores as the formula does over the words split into arrays.
@Suite struct SearchRankingTests {
    @Test func scoresMatchTheFormula() throws {
        let texts = [
            ("Deep learning for the working physicist", "L. Deep and A. Learner"),
            ("Learning the theory of learning", "L. Deep"), ("Attention Is All You Need", "Ashish Vaswani, Noam Shazeer"),
            ("Deep", ""), ("", "Deep Learning"), ("DEEP-learning: deep learning, deeper", "deep"),
        ]
        for query in ["deep", "deep lea", "deep learning ", "learning the th", "attention is all you need", "de"] {
            let ranking = try #require(SearchRanking(query: query))
            for (title, authors) in texts {
                let score = Array(title.utf8).withUnsafeBufferPointer { title in
                    Array(authors.utf8).withUnsafeBufferPointer { authors in ranking.score(title: title, authors: authors) }
                }
                #expect(abs(score - Self.formula(ranking, title, authors)) < 1e-12, "\(query) in \(title) / \(authors)")
            }
        }
    }

    /// BM25F over token arrays, with the bonus for a title that begins with the query.
    static func formula(_ ranking: SearchRanking, _ title: String, _ authors: String) -> Double {
        let titleTokens = SearchRanking.tokens(Array(title.utf8))
        let authorTokens = SearchRanking.tokens(Array(authors.utf8))
        func matches(_ token: [UInt8], _ index: Int) -> Bool {
            ranking.lastIsPrefix && index == ranking.words.count - 1
                ? token.starts(with: ranking.words[index]) : token == ranking.words[index]
        }
        let titleNorm = 0.25 + 0.75 * Double(titleTokens.count) / 10
        let authorsNorm = 0.25 + 0.75 * Double(authorTokens.count) / 8
        var total = 0.0
        for index in ranking.words.indices {
            let weighted =
                10 * Double(titleTokens.count { matches($0, index) }) / titleNorm + Double(authorTokens.count { matches($0, index) })
                / authorsNorm
            total += weighted / (1.2 + weighted)
        }
        if titleTokens.count >= ranking.words.count && ranking.words.indices.allSatisfy({ matches(titleTokens[$0], $0) }) {
            total += titleTokens.count == ranking.words.count ? 2 : 1
        }
        return total
    }
}
