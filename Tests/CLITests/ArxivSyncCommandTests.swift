import ArxivIndex
import FakeArxivServer
import Foundation
import TestSupport
import Testing

/// `notelint arxiv sync` through the built binary, against the fake OAI-PMH server.
@Suite struct ArxivSyncCommandTests {
    let fake = FakeArxiv.shared

    @Test func syncBringsTheIndexUpToDateAndStatusPrintsTheHarvest() throws {
        let fixture = try SyncFixture()
        let url = fake.oaiURL()
        let synced = try fixture.sync(url)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stdout.contains("synced 7 records in 3 pages (6 written, 1 deleted)"), "\(synced.stdout)")
        #expect(synced.stdout.contains("last harvest: 2026-11-30"), "\(synced.stdout)")
        #expect(!synced.stderr.contains("syncing:"), "no progress line when stderr is not a terminal")
        let asked = try fake.requests(to: url)
        #expect(asked.first?.query == "verb=ListRecords&metadataPrefix=arXivRaw&from=2023-08-03", "the snapshot's newest update_date")
        #expect(asked.count == 3)
        #expect(asked.allSatisfy { $0.userAgent.hasPrefix("notelint/") })

        let status = try Notelint.run(["arxiv", "status", "--db", fixture.database])
        #expect(status.stdout.contains("papers: \(SyncFixture.papersAfterSync)"), "\(status.stdout)")
        #expect(status.stdout.contains("last harvest: 2026-11-30"), "\(status.stdout)")
        #expect(!status.stdout.contains("unfinished sync"))

        let search = try Notelint.run(["arxiv", "search", "sparse", "retrieval", "--format", "json", "--db", fixture.database])
        let results = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]]
        #expect(results?.first?["id"] as? String == "2411.01234")
        #expect(results?.first?["title"] as? String == "Sparse Retrieval Heads for Long-Context Language Models")

        let show = try Notelint.run(["arxiv", "show", "1706.03762", "--db", fixture.database])
        #expect(show.stdout.contains("title: Attention Is All You Need, Revisited"), "\(show.stdout)")
        #expect(show.stdout.contains("latest version: 2026-11-29"))
        #expect(show.stdout.contains("versions: 4"))
        let old = try Notelint.run(["arxiv", "show", "hep-th/9901001", "--db", fixture.database])
        #expect(old.stdout.contains("title: An old paper on D-branes & dualities"), "\(old.stdout)")
        #expect(!old.stdout.contains("withdrawn: yes"))
        let withdrawn = try Notelint.run(["arxiv", "show", "2310.05555", "--db", fixture.database])
        #expect(withdrawn.stdout.contains("withdrawn: yes"), "\(withdrawn.stdout)")
        let deleted = try Notelint.run(["arxiv", "show", "2101.00001", "--db", fixture.database])
        #expect(deleted.status == 1)

        // The next sync asks from the last harvest.
        let next = fake.oaiURL("norecords")
        let again = try fixture.sync(next)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("nothing changed since 2026-11-30"), "\(again.stdout)")
        #expect(try fake.requests(to: next).first?.query == "verb=ListRecords&metadataPrefix=arXivRaw&from=2026-11-30")
        #expect(try ArxivIndex(path: fixture.database).paperCount == SyncFixture.papersAfterSync)
    }

    @Test func aRejectedTokenStopsTheSyncAndTheNextRunContinuesIt() throws {
        let fixture = try SyncFixture()
        let stopped = try fixture.sync(fake.oaiURL("expired"))
        #expect(stopped.status == 2)
        #expect(stopped.stderr.contains("badResumptionToken"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("1 page committed, run `notelint arxiv sync` again"), "\(stopped.stderr)")
        let status = try Notelint.run(["arxiv", "status", "--db", fixture.database])
        #expect(status.stdout.contains("unfinished sync: from 2023-08-03, 1 page (3 records) committed"), "\(status.stdout)")
        #expect(!status.stdout.contains("last harvest"))

        let url = fake.oaiURL()
        let resumed = try fixture.sync(url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("continuing the sync from 2023-08-03 after page 1"), "\(resumed.stderr)")
        #expect(try fake.requests(to: url).first?.query == "verb=ListRecords&resumptionToken=6602841%7C1001")
        #expect(try ArxivIndex(path: fixture.database).paperCount == SyncFixture.papersAfterSync)
        #expect(try ArxivIndex(path: fixture.database).meta("last_harvest") == "2026-11-30")
    }

    @Test func aStoredTokenThatExpiredRestartsTheSyncFromItsDay() throws {
        let fixture = try SyncFixture()
        #expect(try fixture.sync(fake.oaiURL("expired")).status == 2)
        let url = fake.oaiURL("expireonce")
        let restarted = try fixture.sync(url)
        #expect(restarted.status == 0, "\(restarted.stderr)")
        #expect(restarted.stderr.contains("has expired; restarting the sync from 2023-08-03"), "\(restarted.stderr)")
        #expect(try fake.requests(to: url).map(\.query).dropFirst().first == "verb=ListRecords&metadataPrefix=arXivRaw&from=2023-08-03")
        let index = try ArxivIndex(path: fixture.database)
        #expect(try index.paperCount == SyncFixture.papersAfterSync)
        #expect(try index.syncState()?.isRunning == false)
    }

    @Test func a503IsWaitedOutAsItsRetryAfterAsks() throws {
        let fixture = try SyncFixture()
        let url = fake.oaiURL("unavailable")
        let synced = try fixture.sync(url)
        #expect(synced.status == 0, "\(synced.stderr)")
        let asked = try fake.requests(to: url)
        #expect(asked.count == 4)
        if asked.count >= 2 { #expect(asked[1].time - asked[0].time >= 0.95) }
    }

    @Test func fromAndEndpointOptionsAndFailures() throws {
        let fixture = try SyncFixture()
        let bad = try fixture.sync(fake.oaiURL(), ["--from", "November"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--from November: expected a day, YYYY-MM-DD"), "\(bad.stderr)")

        let endpoint = fake.oaiURL()
        let chosen = try fixture.sync("http://127.0.0.1:9/never", ["--from", "2026-11-01", "--endpoint", endpoint])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(try fake.requests(to: endpoint).first?.query == "verb=ListRecords&metadataPrefix=arXivRaw&from=2026-11-01")

        let unreachable = try fixture.sync("http://127.0.0.1:9/oai")
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("arXiv OAI-PMH (http://127.0.0.1:9/oai): cannot reach"), "\(unreachable.stderr)")

        let missing = try Notelint.run(
            ["arxiv", "sync", "--db", fixture.folder.path("none.sqlite")], environment: fixture.environment(endpoint))
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no arXiv index at"), "\(missing.stderr)")
    }
}
