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
        let words = try WordCompletion.completions(of: Array("atte".utf8), in: index.connection, statement: &statement)
        #expect(words == [Array("attention".utf8)])
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
/// are the ones FTS5 finds matching it itself.
@Suite struct PartialWordScanTests {
    @Test func scanningFindsWhatFTS5Finds() throws {
        let folder = try TemporaryFolder()
        let file = try Snapshot.generate(records: 3000, in: folder, name: "snapshot.json")
        let index = try ArxivIndex(path: folder.path("arxiv.sqlite"), create: true)
        _ = try index.importSnapshot(path: file, options: ImportOptions())
        var generator = SystemRandomNumberGenerator()
        let titles = try Snapshot.records(file).compactMap { $0["title"] as? String }
        var compared = 0
        for title in titles.shuffled(using: &generator).prefix(300) {
            let words = title.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            guard words.count >= 2 else { continue }
            let last = words[1]
            for cut in [1, 2, 3, 5] where cut <= last.count {
                let query = words[0] + " " + last.prefix(cut)
                index.scansForPartialWords = true
                let scanned = try index.search(query, limit: 300).map(\.id)
                index.scansForPartialWords = false
                let matched = try index.search(query, limit: 300).map(\.id)
                if cut < 4 {
                    #expect(scanned == matched, "\(query)")
                } else {
                    // FTS5 is given the word's eight most frequent completions; the scan takes any.
                    #expect(Set(matched).isSubset(of: Set(scanned)), "\(query)")
                }
                compared += 1
            }
        }
        #expect(compared > 500)
    }
}
