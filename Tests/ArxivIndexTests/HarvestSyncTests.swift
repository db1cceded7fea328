import ArxivKit
import Foundation
import TestSupport
import Testing

@testable import ArxivIndex

/// Harvested arXivRaw pages written into the index: upserts and deletions, the full-text
/// index and the words table kept in step, the sync's state in `meta` page by page.
@Suite struct HarvestSyncTests {
    private static let snapshotLines = [
        #"{"id":"1706.03762","authors":"Ashish Vaswani, Noam Shazeer","title":"Attention Is All You\n  Need","comments":"15 pages","journal-ref":null,"doi":null,"categories":"cs.CL cs.LG","abstract":"  The dominant models.\n","versions":[{"version":"v1","created":"Mon, 12 Jun 2017 17:57:34 GMT"},{"version":"v7","created":"Wed, 2 Aug 2023 00:41:18 GMT"}],"update_date":"2023-08-03"}"#,
        #"{"id":"2101.00001","authors":"Q. Doomed","title":"Quixotic Zebra Migration","comments":null,"journal-ref":null,"doi":null,"categories":"q-bio.PE","abstract":"Zebras.","versions":[{"version":"v1","created":"Fri, 1 Jan 2021 10:00:00 GMT"}],"update_date":"2021-01-04"}"#,
        #"{"id":"hep-th/9901001","authors":"J. Author","title":"An old paper","comments":"This paper has been withdrawn by the author","journal-ref":null,"doi":null,"categories":"hep-th","abstract":"  This paper has been withdrawn.\n","versions":[{"version":"v1","created":"Fri, 1 Jan 1999 10:00:00 GMT"}],"update_date":"2008-01-01"}"#,
    ]

    private func importedIndex(_ folder: TemporaryFolder, abstracts: Bool = false) throws -> ArxivIndex {
        try folder.write("snapshot.json", Self.snapshotLines.joined(separator: "\n") + "\n")
        let index = try ArxivIndex(path: folder.path("arxiv.sqlite"), create: true)
        _ = try index.importSnapshot(path: folder.path("snapshot.json"), options: ImportOptions(withAbstracts: abstracts))
        return index
    }

    private func words(_ word: String, in index: ArxivIndex) throws -> Int {
        try index.connection.integer("SELECT coalesce(sum(papers), 0) FROM words WHERE word = '\(word)'")
    }

    private let newPaper = ArxivRawRecord(
        id: "2411.01234", datestamp: "2026-11-28", title: "Sparse Retrieval Heads for\n  Long-Context Language Models",
        authors: "Mira Okafor and Priya Raman", categories: "cs.CL cs.LG", comments: "14 pages", abstract: "  We study heads.\n",
        versions: [.init(name: "v1", date: "Fri, 27 Nov 2026 18:04:11 GMT", size: "812kb")])

    private let revised = ArxivRawRecord(
        id: "1706.03762", datestamp: "2026-11-29", title: "Attention Is All You Need, Revisited", authors: "Ashish Vaswani, Noam Shazeer",
        categories: "cs.CL cs.LG", comments: "15 pages, 5 figures", doi: "10.48550/arXiv.1706.03762",
        journalReference: "NeurIPS 30 (2017)", abstract: "The dominant models.",
        versions: [
            .init(name: "v1", date: "Mon, 12 Jun 2017 17:57:34 GMT"), .init(name: "v10", date: "Sun, 29 Nov 2026 10:15:00 GMT"),
            .init(name: "v2", date: "Mon, 19 Jun 2017 16:49:45 GMT"),
        ])

    @Test func theFirstSyncStartsFromTheNewestUpdateTheImportSaw() throws {
        let folder = try TemporaryFolder()
        let index = try importedIndex(folder)
        #expect(try index.meta("snapshot_newest_update") == "2023-08-03")
        #expect(try index.harvestStartDay() == "2023-08-03")
        // An index imported before the import kept that day works it out once.
        try index.connection.execute("DELETE FROM meta WHERE key = 'snapshot_newest_update'")
        #expect(try index.harvestStartDay() == "2023-08-03")
        #expect(try index.meta("snapshot_newest_update") == "2023-08-03")
        try index.beginSync(from: "2023-08-03")
        _ = try index.commitHarvestPage([], nextToken: nil, responseDay: "2026-11-30")
        #expect(try index.harvestStartDay() == "2026-11-30")
    }

    @Test func pagesUpsertPapersDeleteRecordsAndCompleteTheHarvest() throws {
        let folder = try TemporaryFolder()
        let index = try importedIndex(folder)
        try index.beginSync(from: "2023-08-03")
        #expect(try index.syncState() == SyncState(isRunning: true, from: "2023-08-03", pages: 0, records: 0))

        let first = try index.commitHarvestPage([newPaper, revised], nextToken: "6602841|1001", responseDay: "2026-11-30")
        #expect(first == HarvestPageReport(written: 2, deleted: 0))
        #expect(
            try index.syncState()
                == SyncState(isRunning: true, from: "2023-08-03", token: "6602841|1001", responseDay: "2026-11-30", pages: 1, records: 2))
        #expect(try index.meta("last_harvest") == nil)
        #expect(try index.paperCount == 4)
        #expect(try index.search("sparse retrieval").first?.id == "2411.01234")
        #expect(try index.search("revisited").first?.id == "1706.03762")

        let added = try #require(try index.paper(id: "2411.01234"))
        #expect(added.title == "Sparse Retrieval Heads for Long-Context Language Models")
        #expect(added.firstVersionDate == "2026-11-27" && added.latestVersionDate == "2026-11-27")
        #expect(added.updateDate == "2026-11-28")
        #expect(added.abstract == nil, "the index keeps no abstracts")
        let updated = try #require(try index.paper(id: "1706.03762"))
        #expect(updated.versionCount == 3)
        #expect(updated.firstVersionDate == "2017-06-12")
        #expect(updated.latestVersionDate == "2026-11-29", "v10 is the latest, wherever it is listed")
        #expect(updated.doi == "10.48550/arXiv.1706.03762")
        #expect(updated.journalReference == "NeurIPS 30 (2017)")

        let withdrawal = ArxivRawRecord(
            id: "hep-th/9901001", datestamp: "2026-11-29", title: "An old paper", authors: "J. Author", categories: "hep-th",
            comments: "Revised; 12 pages", abstract: "We revisit it.",
            versions: [.init(name: "v1", date: "Fri, 1 Jan 1999 10:00:00 GMT"), .init(name: "v2", date: "Sun, 29 Nov 2026 08:30:00 GMT")])
        let gone = ArxivRawRecord(id: "2101.00001", datestamp: "2026-11-29", isDeleted: true)
        let never = ArxivRawRecord(id: "2101.99999", datestamp: "2026-11-29", isDeleted: true)
        let last = try index.commitHarvestPage([withdrawal, gone, never], nextToken: "", responseDay: "2026-12-01")
        #expect(last == HarvestPageReport(written: 1, deleted: 1))
        #expect(try index.paper(id: "2101.00001") == nil)
        #expect(try index.search("quixotic zebra").isEmpty)
        #expect(try index.paper(id: "hep-th/9901001")?.withdrawn == false, "v2 is no withdrawal")
        #expect(try index.paper(id: "hep-th/9901001")?.versionCount == 2)
        #expect(try index.paperCount == 3)
        #expect(try index.meta("last_harvest") == "2026-11-30", "the day of the sync's first answer")
        #expect(try index.syncState()?.isRunning == false)
        #expect(try index.syncState()?.token == nil)
        #expect(try index.integrityCheck() == "ok")
        try index.connection.execute("INSERT INTO papers_fts (papers_fts, rank) VALUES ('integrity-check', 0)")
    }

    @Test func aWithdrawalIsReadByTheImportsRule() throws {
        let folder = try TemporaryFolder()
        let index = try importedIndex(folder)
        try index.beginSync(from: "2023-08-03")
        let record = ArxivRawRecord(
            id: "2310.05555", datestamp: "2026-11-28", title: "A Benchmark", authors: "L. Fischer", categories: "cs.CL",
            comments: "This paper has been withdrawn by the author", abstract: "This paper has been withdrawn.",
            versions: [.init(name: "v1", date: "Mon, 9 Oct 2023 08:12:40 GMT"), .init(name: "v2", date: "Sat, 28 Nov 2026 09:00:00 GMT")])
        var noticeOnly = record
        noticeOnly.id = "2310.05556"
        noticeOnly.comments = nil
        _ = try index.commitHarvestPage([record, noticeOnly], nextToken: nil, responseDay: "2026-11-30")
        #expect(try index.paper(id: "2310.05555")?.withdrawn == true)
        #expect(try index.paper(id: "2310.05556")?.withdrawn == true, "the abstract's notice is enough")
    }

    @Test func aHarvestedRecordIsStoredAsTheSameSnapshotLineWouldBe() throws {
        let folder = try TemporaryFolder()
        let imported = try ArxivIndex(path: folder.path("imported.sqlite"), create: true)
        try folder.write("one.json", Self.snapshotLines[0] + "\n")
        _ = try imported.importSnapshot(path: folder.path("one.json"), options: ImportOptions(withAbstracts: true))
        let synced = try ArxivIndex(path: folder.path("synced.sqlite"), create: true)
        try synced.connection.execute("INSERT INTO meta (key, value) VALUES ('keeps_abstracts', '1')")
        try synced.beginSync(from: "2023-08-03")
        let record = ArxivRawRecord(
            id: "1706.03762", datestamp: "2023-08-03", title: "Attention Is All You\n  Need", authors: "Ashish Vaswani, Noam Shazeer",
            categories: "cs.CL cs.LG", comments: "15 pages", abstract: "  The dominant models.\n",
            versions: [.init(name: "v1", date: "Mon, 12 Jun 2017 17:57:34 GMT"), .init(name: "v7", date: "Wed, 2 Aug 2023 00:41:18 GMT")])
        _ = try synced.commitHarvestPage([record], nextToken: nil, responseDay: "2026-11-30")
        let expected = try #require(try imported.paper(id: "1706.03762"))
        #expect(try synced.paper(id: "1706.03762") == expected)
        #expect(expected.abstract == "The dominant models.")
    }

    @Test func abstractsAreKeptOnlyWhenTheIndexKeepsThem() throws {
        let folder = try TemporaryFolder()
        let with = try importedIndex(try TemporaryFolder(), abstracts: true)
        #expect(try with.keepsAbstracts)
        try with.beginSync(from: "2023-08-03")
        _ = try with.commitHarvestPage([newPaper], nextToken: nil, responseDay: "2026-11-30")
        #expect(try with.paper(id: "2411.01234")?.abstract == "We study heads.")

        let without = try importedIndex(folder)
        #expect(try !without.keepsAbstracts)
        // Worked out from the papers when the import did not record it.
        try with.connection.execute("DELETE FROM meta WHERE key = 'keeps_abstracts'")
        #expect(try with.keepsAbstracts)
        try without.connection.execute("DELETE FROM meta WHERE key = 'keeps_abstracts'")
        #expect(try !without.keepsAbstracts)
    }

    @Test func aReplacedOrDeletedPaperTakesItsWordsAway() throws {
        let folder = try TemporaryFolder()
        let index = try importedIndex(folder)
        #expect(try words("quixotic", in: index) == 1)
        #expect(try words("attention", in: index) == 1)
        try index.beginSync(from: "2023-08-03")
        _ = try index.commitHarvestPage([revised, revised], nextToken: "t", responseDay: "2026-11-30")
        #expect(try words("attention", in: index) == 1, "a paper replaced twice still counts once")
        #expect(try words("revisited", in: index) == 1)
        _ = try index.commitHarvestPage(
            [ArxivRawRecord(id: "2101.00001", datestamp: "2026-11-29", isDeleted: true)], nextToken: nil, responseDay: nil)
        #expect(try words("quixotic", in: index) == 0)
        #expect(try index.connection.integer("SELECT count(*) FROM words WHERE word = 'quixotic'") == 0)
    }

    @Test func aSyncRestartedFromTheSameDayKeepsItsFirstAnswersDay() throws {
        let folder = try TemporaryFolder()
        let index = try importedIndex(folder)
        try index.beginSync(from: "2023-08-03")
        _ = try index.commitHarvestPage([newPaper], nextToken: "expired", responseDay: "2026-11-30")
        try index.beginSync(from: "2023-08-03")
        #expect(try index.syncState()?.token == nil)
        #expect(try index.syncState()?.responseDay == "2026-11-30")
        _ = try index.commitHarvestPage([revised], nextToken: nil, responseDay: "2026-12-02")
        #expect(try index.meta("last_harvest") == "2026-11-30")
        // Another day starts another sync.
        try index.beginSync(from: "2026-11-30")
        #expect(try index.syncState() == SyncState(isRunning: true, from: "2026-11-30", pages: 0, records: 0))
    }

    @Test func aSyncWaitsForAnUnfinishedImport() throws {
        let folder = try TemporaryFolder()
        try folder.write("snapshot.json", Self.snapshotLines.joined(separator: "\n") + "\n")
        let index = try ArxivIndex(path: folder.path("arxiv.sqlite"), create: true)
        let report = try index.importSnapshot(path: folder.path("snapshot.json"), options: ImportOptions(batchSize: 1, stopAfterBatches: 1))
        #expect(!report.finished)
        #expect(throws: ArxivIndexError.self) { try index.beginSync(from: "2023-08-03") }
        #expect(try index.syncState() == nil)
    }
}
