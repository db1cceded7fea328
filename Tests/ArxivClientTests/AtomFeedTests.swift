import ArxivKit
import FakeArxivServer
import Foundation
import NoteInvariants
import TestSupport
import Testing

@testable import ArxivClient

func fixtureFeed(_ ids: [String]) -> [UInt8] {
    let folder = PackagePaths.url("fixtures/arxiv")
    let entries = ids.map {
        try! String(contentsOf: folder.appendingPathComponent($0.replacingOccurrences(of: "/", with: "_") + ".xml"), encoding: .utf8)
    }
    let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="html">ArXiv Query: id_list=x</title>
          <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">\(ids.count)</opensearch:totalResults>

        """ + entries.joined() + "</feed>\n"
    return Array(text.utf8)
}

@Suite struct AtomFeedTests {
    @Test func readsEveryFieldOfTheDocumentedFormat() throws {
        let feed = try AtomFeed.parse(fixtureFeed(["2104.09864", "1604.01356"]))
        #expect(feed.totalResults == 2)
        #expect(feed.errors.isEmpty)
        let roformer = try #require(feed.entries.first)
        #expect(roformer.id == "2104.09864" && roformer.version == 5)
        #expect(roformer.title == "RoFormer: Enhanced Transformer with Rotary Position Embedding")
        #expect(roformer.summary.hasPrefix("Position encoding recently has shown effective in the transformer architecture. It enables"))
        #expect(roformer.authors == ["Jianlin Su", "Yu Lu", "Shengfeng Pan", "Ahmed Murtadha", "Bo Wen", "Yunfeng Liu"])
        #expect(roformer.published == "2021-04-20T09:54:06Z")
        #expect(roformer.submitted == .init(year: 2021, month: 4, day: 20))
        #expect(roformer.subjectsLine == "Computation and Language (cs.CL); Artificial Intelligence (cs.AI); Machine Learning (cs.LG)")
        #expect(feed.entries[1].journalReference == "JBIS Vol 69, pp. 40-72, 2016")
    }

    @Test func theV1DateIsTheUTCCalendarDay() {
        #expect(AtomFeed.utcDay("2021-04-20T23:59:59Z") == .init(year: 2021, month: 4, day: 20))
        #expect(AtomFeed.utcDay("2021-04-20T22:30:00-05:00") == .init(year: 2021, month: 4, day: 21))
        #expect(AtomFeed.utcDay("2021-04-20T01:30:00+03:00") == .init(year: 2021, month: 4, day: 19))
        #expect(AtomFeed.utcDay("yesterday") == nil)
    }

    @Test func anErrorEntryIsAMessageNotAPaper() throws {
        let text = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_abc</id>
            <title>Error</title><summary>incorrect id format for abc</summary></entry></feed>
            """
        let feed = try AtomFeed.parse(Array(text.utf8))
        #expect(feed.entries.isEmpty)
        #expect(feed.errors == ["incorrect id format for abc"])
    }

    @Test func everyTruncationIsRefusedOrReadsAsAFeed() {
        let whole = fixtureFeed(["2104.09864", "1502.03808", "hep-th/9711200"])
        var refused = 0
        for cut in stride(from: 0, to: whole.count - 8, by: 7) {
            do {
                _ = try AtomFeed.parse(Array(whole[..<cut]))
                Issue.record("a feed cut at byte \(cut) of \(whole.count) was accepted")
            } catch let error as ArxivError {
                refused += 1
                #expect(!error.description.isEmpty)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        #expect(refused == (whole.count - 8 + 6) / 7)
    }

    @Test func randomBytesAndMutatedFeedsNeverCrash() {
        // A fixed seed, so that every run feeds the parser the same inputs.
        var random = SeededGenerator(seed: 0x5EED_A7C0)
        let base = fixtureFeed(["2107.01969", "1604.01356"])
        var accepted = 0
        var refused = 0
        for round in 0..<600 {
            var input: [UInt8]
            if round % 3 == 0 {
                input = (0..<Int.random(in: 0...4096, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            } else {
                input = base
                for _ in 0..<Int.random(in: 1...20, using: &random) {
                    let at = Int.random(in: 0..<input.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: input[at] = UInt8.random(in: 0...255, using: &random)
                    case 1: input.remove(at: at)
                    default:
                        input.insert(contentsOf: Array("<x>&amp;<![CDATA[".utf8).prefix(Int.random(in: 1...17, using: &random)), at: at)
                    }
                }
            }
            do {
                let feed = try AtomFeed.parse(input)
                accepted += 1
                for entry in feed.entries { #expect(ArxivIdentifier.parse(entry.id) != nil) }
            } catch is ArxivError {
                refused += 1
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        #expect(accepted + refused == 600)
        #expect(refused > 200)
    }

    @Test func entityBombsAndExternalEntitiesAreRefusedBeforeParsing() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE feed [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
            <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>&lol9;</title></feed>
            """
        let external = """
            <?xml version="1.0"?><!doctype feed [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>&x;</title></feed>
            """
        let entityOnly = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><!ENTITY x SYSTEM \"file:///etc/passwd\"></feed>"
        for text in [laughs, external, entityOnly] {
            #expect(throws: ArxivError.doctype) { try AtomFeed.parse(Array(text.utf8)) }
        }
        #expect(ArxivError.doctype.description == "the answer contains a DOCTYPE (arXiv never sends one); refused")
    }

    @Test func aFiftyMegabyteBodyIsRefusedBySize() {
        var body = Array("<feed xmlns=\"http://www.w3.org/2005/Atom\">".utf8)
        body += [UInt8](repeating: UInt8(ascii: " "), count: 50 * 1_048_576)
        body += Array("</feed>".utf8)
        #expect(throws: ArxivError.tooLarge(limit: AtomFeed.maximumSize)) { try AtomFeed.parse(body) }
    }

    @Test func deepNestingAndWideFeedsStayWithinTheLimit() throws {
        let deep = "<feed>" + String(repeating: "<a>", count: 200_000) + String(repeating: "</a>", count: 200_000) + "</feed>"
        do {
            _ = try AtomFeed.parse(Array(deep.utf8))
        } catch let error as ArxivError {
            #expect(!error.description.isEmpty)
        }
        let wide =
            "<feed>"
            + String(
                repeating:
                    "<entry><id>http://arxiv.org/abs/2104.09864v1</id><published>2021-04-20T00:00:00Z</published><category term=\"cs.CL\"/></entry>",
                count: 20_000) + "</feed>"
        let feed = try AtomFeed.parse(Array(wide.utf8))
        #expect(feed.entries.count == 20_000)
    }

    @Test func anEntryWithoutAnArxivIdIsRefused() {
        let text = "<feed><entry><id>http://example.com/x</id></entry></feed>"
        #expect(throws: ArxivError.malformed("an entry's <id> `http://example.com/x` is not an arXiv abstract address")) {
            try AtomFeed.parse(Array(text.utf8))
        }
    }
}

@Suite struct TimestampTests {
    @Test func offsetsCrossMonthAndYearEnds() {
        #expect(AtomFeed.utcDay("2020-12-31T22:00:00-05:00") == .init(year: 2021, month: 1, day: 1))
        #expect(AtomFeed.utcDay("2024-03-01T01:00:00+02:00") == .init(year: 2024, month: 2, day: 29))
        #expect(AtomFeed.utcDay("2021-04-20T09:54:06.123Z") == .init(year: 2021, month: 4, day: 20))
        for bad in [
            "2021-02-30T00:00:00Z", "2021-04-20T09:54:06", "2021-04-20T09:54:06Zjunk", "2021-13-01T00:00:00Z", "", "2021-04-20T25:00:00Z",
        ] {
            #expect(AtomFeed.utcDay(bad) == nil, "\(bad)")
        }
    }
}
