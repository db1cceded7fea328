import ArxivKit
import FakeArxivServer
import Foundation
import TestSupport
import Testing

@testable import ArxivClient

@Suite struct ClientTests {
    let fake = FakeArxiv.shared
    /// The clients' cache folder, this test's own.
    let cache: TemporaryFolder

    init() throws { cache = try TemporaryFolder(prefix: "notelint-arxiv") }

    @Test func matchesEntriesToIdentifiersWhateverTheOrder() throws {
        let url = fake.url()
        let client = testClient(url, folder: cache)
        let results = client.fetch([id("2104.09864"), id("2106.04570v1"), id("hep-th/9711200"), id("1604.01356")], today: today)
        #expect(results[id("2104.09864")]?.title == "RoFormer: Enhanced Transformer with Rotary Position Embedding")
        #expect(results[id("2106.04570v1")]?.title == "Meta Learning for Knowledge Distillation")
        #expect(results[id("hep-th/9711200")]?.title == "The Large N Limit of Superconformal Field Theories and Supergravity")
        guard case .success(.found(let roadmap))? = results[id("1604.01356")] else {
            Issue.record("1604.01356 not found")
            return
        }
        #expect(roadmap.submitted == ArxivMetadata.Day(year: 2016, month: 4, day: 5))
        #expect(roadmap.categories == ["astro-ph.EP", "astro-ph.IM", "physics.pop-ph"])
        #expect(roadmap.version == 4)
        if case .success(.found(let meta))? = results[id("2106.04570v1")] { #expect(meta.version == 1) }
        let seen = try fake.requests(to: url)
        #expect(seen.count == 1)
        #expect(seen.first?.query == "id_list=2104.09864,2106.04570v1,hep-th/9711200,1604.01356&max_results=4")
        #expect(seen.first?.userAgent == "notelint/test")
    }

    @Test func batchesByTheBatchSizeWithMaxResults() throws {
        let url = fake.url()
        let client = testClient(url, folder: cache, batchSize: 100)
        var wanted = (1...149).map { id(String(format: "2301.%05d", $0)) }
        wanted.append(id("2107.03436"))
        var reported: [Int] = []
        let results = client.fetch(wanted, today: today) { reported.append($0) }
        #expect(results.count == 150)
        #expect(results[id("2107.03436")]?.title == "Tensor Methods in Computer Vision and Deep Learning")
        #expect(results[id("2301.00001")] == .success(.notFound))
        let seen = try fake.requests(to: url)
        // The first batch's 100 identifiers all do not exist: an empty page, retried once.
        #expect(seen.map { $0.query.hasSuffix("&max_results=100") } == [true, true, false])
        #expect(seen.last?.query.hasSuffix("&max_results=50") == true)
        #expect(reported == [0, 100, 150])
    }

    /// Why the client always sends `max_results`: like arXiv, the fake answers 10 entries when
    /// it is absent, however many identifiers were asked for.
    @Test func withoutMaxResultsTheFakeAnswersTenEntries() throws {
        let twelve = [
            "2104.09864", "2106.04570", "1502.03808", "2102.09238", "2107.03436", "1604.01356", "2107.01969",
            "hep-th/9711200", "1604.01356v1", "1604.01356v2", "1604.01356v3", "2106.04570v1",
        ]
        let get = HTTPGet(userAgent: "notelint/test", deadline: 5, maximumBodySize: AtomFeed.maximumSize)
        func entries(_ query: String) throws -> [String] {
            let response = try get.fetch(try #require(URL(string: fake.url() + "?" + query)))
            #expect(response.status == 200)
            return try AtomFeed.parse(response.body).entries.map { $0.id + ($0.version.map { "v\($0)" } ?? "") }
        }
        let list = "id_list=" + twelve.joined(separator: ",")
        #expect(try entries(list).count == 10)
        #expect(Set(try entries(list + "&max_results=12")).count == 12)
    }

    @Test func aMissingIdentifierIsNotFoundAndTheOthersStillMatch() throws {
        let url = fake.url()
        let results = testClient(url, folder: cache).fetch([id("2107.01969"), id("2301.99999")], today: today)
        #expect(results[id("2301.99999")] == .success(.notFound))
        #expect(results[id("2107.01969")]?.title == "The MineRL BASALT Competition on Learning from Human Feedback")
        #expect(try fake.requests(to: url).count == 1)
    }

    @Test func identifiersThatCannotExistAreNeverSent() throws {
        let url = fake.url()
        let results = testClient(url, folder: cache).fetch([id("2113.00001"), id("1412.12345"), id("2107.01969")], today: today)
        #expect(results[id("2113.00001")]?.error == .invalidIdentifier("`2113.00001` names month 13, which does not exist"))
        #expect(results[id("1412.12345")]?.error != nil)
        #expect(results[id("2107.01969")]?.title != nil)
        #expect(try fake.requests(to: url).map(\.query) == ["id_list=2107.01969&max_results=1"])
    }

    @Test func theAPIErrorEntryIsReportedWithItsMessage() throws {
        let url = fake.url("reject")
        let results = testClient(url, folder: cache).fetch([id("2107.01969"), id("2104.09864")], today: today)
        #expect(results[id("2107.01969")]?.error == .api("incorrect id format for 2107.01969"))
        #expect(results[id("2104.09864")]?.error == .api("incorrect id format for 2107.01969"))
        #expect(try fake.requests(to: url).count == 1)
    }

    /// 429 with no `Retry-After` (rate limited), or an empty page: asked again, then answered.
    @Test(arguments: ["ratelimit", "empty"]) func retriedOnceThenAnswered(scenario: String) throws {
        let url = fake.url(scenario)
        let results = testClient(url, folder: cache).fetch([id("2104.09864")], today: today)
        #expect(results[id("2104.09864")]?.title != nil)
        #expect(try fake.requests(to: url).count == 2)
    }

    @Test func unavailableWithRetryAfterIsHonoured() throws {
        let url = fake.url("unavailable")
        let results = testClient(url, folder: cache).fetch([id("2104.09864")], today: today)
        #expect(results[id("2104.09864")]?.title != nil)
        let seen = try fake.requests(to: url)
        #expect(seen.count == 2)
        if seen.count == 2 { #expect(seen[1].time - seen[0].time >= 0.95) }
    }

    @Test func busyServerGivesUpAfterThreeTries() throws {
        let url = fake.url("busy")
        let results = testClient(url, folder: cache).fetch([id("2104.09864")], today: today)
        #expect(results[id("2104.09864")]?.error == .http(status: 503, attempts: 3))
        #expect(try fake.requests(to: url).count == 3)
    }

    @Test func aTricklingAnswerMeetsTheDeadline() throws {
        let started = Date()
        let results = testClient(fake.url("trickle"), folder: cache, deadline: 1).fetch([id("2104.09864")], today: today)
        #expect(results[id("2104.09864")]?.error == .timedOut(seconds: 1))
        // The trickle would take minutes; the deadline ends it (generous bound for a loaded machine).
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func malformedXMLIsAClearError() {
        let results = testClient(fake.url("malformed"), folder: cache).fetch([id("2104.09864")], today: today)
        guard case .malformed? = results[id("2104.09864")]?.error else {
            Issue.record("expected a malformed-feed error, got \(String(describing: results[id("2104.09864")]))")
            return
        }
    }

    @Test func aDoctypeWithAnExternalEntityIsRefused() {
        let results = testClient(fake.url("doctype"), folder: cache).fetch([id("2104.09864")], today: today)
        #expect(results[id("2104.09864")]?.error == .doctype)
    }

    @Test func anOversizedBodyIsRefusedByCountingBytes() {
        let results = testClient(fake.url("huge"), folder: cache).fetch([id("2104.09864")], today: today)
        #expect(results[id("2104.09864")]?.error == .tooLarge(limit: 10 * 1_048_576))
    }

    @Test func anUnreachableServerIsATransportError() {
        let results = testClient("http://127.0.0.1:1/api/query", folder: cache).fetch([id("2104.09864")], today: today)
        guard case .transport? = results[id("2104.09864")]?.error else {
            Issue.record("expected a transport error, got \(String(describing: results[id("2104.09864")]))")
            return
        }
    }

    @Test func searchPutsTheExactTitleFirst() throws {
        let url = fake.url()
        let found = try testClient(url, folder: cache).search(title: "meta learning for KNOWLEDGE distillation")
        #expect(found.map(\.id) == ["2106.04570"])
        let seen = try fake.requests(to: url)
        #expect(seen.first?.query == "search_query=ti:%22meta%20learning%20for%20KNOWLEDGE%20distillation%22&max_results=10")
    }

    @Test func requestsAreSpacedAcrossClientsSharingTheLock() throws {
        let url = fake.url()
        var settings = ArxivClientSettings(cacheFolder: cache.path)
        settings.apiURL = url
        settings.interval = 0.5
        let first = ArxivClient(settings: settings)
        let second = ArxivClient(settings: settings)
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            _ = (index % 2 == 0 ? first : second).fetch([id("2104.09864")], today: today)
        }
        let times = try fake.requests(to: url).map(\.time).sorted()
        #expect(times.count == 4)
        for (earlier, later) in zip(times, times.dropFirst()) { #expect(later - earlier >= 0.45) }
    }

    @Test func aPageThatIsNotAFeedReportsItsStatus() {
        let results = testClient("http://127.0.0.1:\(fake.port)/elsewhere/api/query", folder: cache).fetch([id("2104.09864")], today: today)
        #expect(results[id("2104.09864")]?.error == .http(status: 404, attempts: 1))
        #expect(ArxivError.http(status: 404, attempts: 1).description == "HTTP 404 after 1 try")
    }
}
