import ArxivKit
import Foundation
import TestSupport
import Testing

@testable import ArxivClient

/// The arXivRaw `ListRecords` reader on the constructed pages of fixtures/arxiv/oai/ and on
/// answers written here.
@Suite struct OAIListRecordsTests {
    private func page(_ number: Int) throws -> OAIListRecordsPage {
        let body = try Data(contentsOf: PackagePaths.url("fixtures/arxiv/oai/page-\(number).xml"))
        return try OAIListRecordsPage.parse(Array(body))
    }

    private func answer(_ listRecords: String) -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-11-30T23:59:59Z</responseDate>
            <request verb="ListRecords">https://oaipmh.arxiv.org/oai</request>\(listRecords)</OAI-PMH>
            """.utf8)
    }

    @Test func readsTheFieldsOfARecordAsWritten() throws {
        let first = try page(1)
        #expect(first.responseDate == "2026-11-30T02:00:05Z")
        #expect(first.responseDay == "2026-11-30")
        #expect(first.records.map(\.id) == ["2411.01234", "2411.01240", "2310.05555"])
        let record = first.records[0]
        #expect(record.datestamp == "2026-11-28")
        #expect(!record.isDeleted)
        #expect(record.title == "Sparse Retrieval Heads for\n  Long-Context Language Models")
        #expect(record.authors == "Mira Okafor, Tomas Lindqvist and Priya Raman")
        #expect(record.categories == "cs.CL cs.LG")
        #expect(record.comments == "14 pages, 6 figures")
        #expect(record.doi == nil && record.journalReference == nil)
        #expect(record.abstract?.contains("context & show\nthat a sparse subset") == true)
        #expect(record.abstract?.contains("(<5% of heads)") == true)
        #expect(record.versions == [ArxivRawRecord.Version(name: "v1", date: "Fri, 27 Nov 2026 18:04:11 GMT", size: "812kb")])
    }

    @Test func readsTheResumptionTokenAndItsAttributes() throws {
        let first = try page(1)
        #expect(first.resumptionToken == "6602841|1001")
        #expect(first.completeListSize == 7)
        #expect(first.cursor == 0)
        let last = try page(3)
        #expect(last.resumptionToken == "")
        #expect(last.completeListSize == 7)
        #expect(last.cursor == 6)
        #expect(last.error == nil)
    }

    @Test func readsDeletedRecordsJournalReferencesAndVersionsOutOfOrder() throws {
        let second = try page(2)
        #expect(second.records.map(\.id) == ["1706.03762", "2101.00001", "2411.01299"])
        let updated = second.records[0]
        #expect(updated.journalReference == "Advances in Neural Information Processing Systems 30 (2017)")
        #expect(updated.doi == "10.48550/arXiv.1706.03762")
        #expect(updated.versions.map(\.name) == ["v1", "v2", "v10", "v3"])
        let versions = try #require(updated.firstAndLatestVersion)
        #expect(versions.first.date == "Mon, 12 Jun 2017 17:57:34 GMT")
        #expect(versions.latest.name == "v10")
        let deleted = second.records[1]
        #expect(deleted.isDeleted)
        #expect(deleted.datestamp == "2026-11-29")
        #expect(deleted.title.isEmpty && deleted.versions.isEmpty)
        #expect(second.records[2].authors == "Ana Méndez")
    }

    @Test func readsAnOldStyleIdentifierAndCDATA() throws {
        let record = try #require(try page(3).records.first)
        #expect(record.id == "hep-th/9901001")
        #expect(record.title == "An old paper on D-branes & dualities")
        #expect(record.categories == "hep-th math-ph math.MP")
        #expect(record.versions.count == 2)
    }

    @Test func aDeletedRecordTakesItsIdentifierFromTheHeader() throws {
        let parsed = try OAIListRecordsPage.parse(
            answer(
                """
                <ListRecords><record><header status="deleted"><identifier>oai:arXiv.org:math/0211159</identifier>\
                <datestamp>2026-11-29</datestamp></header></record><resumptionToken/></ListRecords>
                """))
        #expect(parsed.records == [ArxivRawRecord(id: "math/0211159", datestamp: "2026-11-29", isDeleted: true)])
        #expect(parsed.responseDay == "2026-11-30")
    }

    @Test func readsAnOAIPMHError() throws {
        let parsed = try OAIListRecordsPage.parse(answer(#"<error code="badResumptionToken">expired</error>"#))
        #expect(parsed.error == OAIListRecordsPage.ProtocolError(code: "badResumptionToken", message: "expired"))
        #expect(parsed.records.isEmpty)
        #expect(parsed.resumptionToken == nil)
    }

    @Test func refusesWhatIsNotAWellFormedOAIPMHAnswer() throws {
        #expect(throws: OAIHarvestError.self) { try OAIListRecordsPage.parse(Array("<feed></feed>".utf8)) }
        #expect(throws: OAIHarvestError.self) { try OAIListRecordsPage.parse(Array(try page1Text().prefix(900).utf8)) }
        #expect(throws: ArxivError.doctype) {
            try OAIListRecordsPage.parse(Array(#"<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><OAI-PMH/>"#.utf8))
        }
        #expect(throws: ArxivError.tooLarge(limit: 10)) { try OAIListRecordsPage.parse(Array(try page1Text().utf8), maximumSize: 10) }
        // A record with no identifier anywhere cannot be stored.
        #expect(throws: OAIHarvestError.malformed("a record without an identifier")) {
            try OAIListRecordsPage.parse(
                self.answer("<ListRecords><record><header><datestamp>2026-11-29</datestamp></header></record></ListRecords>"))
        }
    }

    private func page1Text() throws -> String {
        try String(contentsOf: PackagePaths.url("fixtures/arxiv/oai/page-1.xml"), encoding: .utf8)
    }
}
