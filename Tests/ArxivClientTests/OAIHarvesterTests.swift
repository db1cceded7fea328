import ArxivKit
import FakeArxivServer
import Foundation
import TestSupport
import Testing

@testable import ArxivClient

/// The OAI-PMH harvester against the fake server's ListRecords pages and failures.
@Suite struct OAIHarvesterTests {
    let fake = FakeArxiv.shared
    let cache: TemporaryFolder

    init() throws { cache = try TemporaryFolder(prefix: "notelint-oai") }

    private func harvester(_ url: String, tries: Int = 5) -> OAIHarvester {
        var settings = ArxivClientSettings(cacheFolder: cache.path)
        settings.oaiURL = url
        settings.interval = 0.2
        settings.backoff = 0.05
        settings.harvestDeadline = 10
        settings.harvestTries = tries
        settings.userAgent = "notelint/test"
        return OAIHarvester(settings: settings)
    }

    @Test func followsTheResumptionTokensToTheLastPage() throws {
        let url = fake.oaiURL()
        let harvester = harvester(url)
        var pages = [try harvester.listRecords(.from(day: "2026-11-27"))]
        while let token = pages.last?.resumptionToken, !token.isEmpty {
            pages.append(try harvester.listRecords(.resume(token: token)))
            try #require(pages.count <= 5)
        }
        #expect(pages.count == 3)
        #expect(pages.flatMap(\.records).count == 7)
        let seen = try fake.requests(to: url)
        #expect(
            seen.map(\.query) == [
                "verb=ListRecords&metadataPrefix=arXivRaw&from=2026-11-27", "verb=ListRecords&resumptionToken=6602841%7C1001",
                "verb=ListRecords&resumptionToken=6602841%7C2001",
            ])
        #expect(seen.allSatisfy { $0.userAgent == "notelint/test" })
        // The API client's spacing: no two requests closer than the interval.
        for (earlier, later) in zip(seen, seen.dropFirst()) { #expect(later.time - earlier.time >= 0.18) }
    }

    @Test func noRecordsMatchIsAnEmptyCompleteList() throws {
        let page = try harvester(fake.oaiURL("norecords")).listRecords(.from(day: "2026-11-27"))
        #expect(page.records.isEmpty)
        #expect(page.resumptionToken == nil)
        #expect(page.error?.code == "noRecordsMatch")
        #expect(page.responseDay == "2026-11-30")
    }

    @Test func a503WaitsForItsRetryAfterThenRetries() throws {
        let url = fake.oaiURL("unavailable")
        var waits: [Double] = []
        let page = try harvester(url).listRecords(.from(day: "2026-11-27")) { waits.append($0) }
        #expect(page.records.count == 3)
        #expect(waits == [1])
        let seen = try fake.requests(to: url)
        #expect(seen.count == 2)
        if seen.count == 2 { #expect(seen[1].time - seen[0].time >= 0.95) }
    }

    @Test func anEndless503StopsAfterTheTries() throws {
        let url = fake.oaiURL("busy")
        #expect(throws: ArxivError.http(status: 503, attempts: 2)) { try harvester(url, tries: 2).listRecords(.from(day: "2026-11-27")) }
        #expect(try fake.requests(to: url).count == 2)
    }

    @Test func aRejectedTokenIsBadResumptionToken() throws {
        let harvester = harvester(fake.oaiURL("expired"))
        #expect(throws: OAIHarvestError.badResumptionToken("the resumptionToken 6602841|1001 has expired")) {
            try harvester.listRecords(.resume(token: "6602841|1001"))
        }
        #expect(throws: OAIHarvestError.badResumptionToken("the resumptionToken nonsense is not known")) {
            try self.harvester(fake.oaiURL()).listRecords(.resume(token: "nonsense"))
        }
    }

    @Test func otherOAIPMHErrorsNameTheirCode() throws {
        var settings = ArxivClientSettings(cacheFolder: cache.path)
        settings.oaiURL = fake.oaiURL()
        settings.interval = 0.01
        let harvester = OAIHarvester(settings: settings)
        #expect(throws: OAIHarvestError.repository(code: "badArgument", message: "from must be a day, YYYY-MM-DD")) {
            try harvester.listRecords(.from(day: "yesterday"))
        }
        #expect(OAIHarvestError.repository(code: "badArgument", message: "x").description.contains("badArgument"))
    }

    @Test func theDefaultEndpointIsArxivsOAIPMHInterfaceAndTheEnvironmentOverridesIt() throws {
        let plain = ArxivClientSettings.resolve(apiURL: nil, cacheDays: nil, version: "1", environment: [:])
        #expect(plain.oaiURL == "https://oaipmh.arxiv.org/oai")
        let overridden = ArxivClientSettings.resolve(
            apiURL: nil, cacheDays: nil, version: "1", environment: ["NOTELINT_ARXIV_OAI_URL": "http://127.0.0.1:9/oai"])
        #expect(overridden.oaiURL == "http://127.0.0.1:9/oai")
        #expect(overridden.userAgent == plain.userAgent)
        let url = try OAIHarvester(settings: overridden).url(for: .resume(token: "a|b c"))
        #expect(url.absoluteString == "http://127.0.0.1:9/oai?verb=ListRecords&resumptionToken=a%7Cb%20c")
    }
}
