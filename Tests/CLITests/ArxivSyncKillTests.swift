import ArxivIndex
import FakeArxivServer
import Foundation
import TestSupport
import Testing

/// `notelint arxiv sync` killed with SIGKILL after it has committed a page, while it waits for
/// the next: the index opens, passes `PRAGMA integrity_check`, and the next run continues with
/// the stored token and completes it without duplicates.
@Suite struct ArxivSyncKillTests {
    @Test func aKilledSyncLeavesASoundIndexThatTheNextRunCompletes() throws {
        let fake = FakeArxiv.shared
        let fixture = try SyncFixture()
        let process = Process()
        process.executableURL = Notelint.binary
        process.arguments = ["arxiv", "sync", "--db", fixture.database]
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in fixture.environment(fake.oaiURL("stall")) { environment[key] = value }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Until the first page is committed; the server then holds the second for 60 s.
        let deadline = Date().addingTimeInterval(30)
        var committed = 0
        while process.isRunning && Date() < deadline && committed == 0 {
            Thread.sleep(forTimeInterval: 0.05)
            committed = (try? ArxivIndex(path: fixture.database).syncState()?.pages) ?? 0
        }
        let killedMidway = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(killedMidway, "the sync finished before it could be killed")
        #expect(committed == 1)

        do {
            let index = try ArxivIndex(path: fixture.database)
            #expect(try index.integrityCheck() == "ok")
            #expect(try index.syncState()?.isRunning == true)
            #expect(try index.syncState()?.token == "6602841|1001")
            #expect(try index.paper(id: "2411.01234") != nil, "the committed page's papers are there")
            #expect(try index.paper(id: "2411.01299") == nil, "the next page's are not")
        }
        let status = try Notelint.run(["arxiv", "status", "--db", fixture.database])
        #expect(status.stdout.contains("unfinished sync: "), "\(status.stdout)")

        let url = fake.oaiURL()
        let resumed = try fixture.sync(url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try fake.requests(to: url).map(\.query).first == "verb=ListRecords&resumptionToken=6602841%7C1001")
        let index = try ArxivIndex(path: fixture.database)
        #expect(try index.integrityCheck() == "ok")
        #expect(try index.paperCount == SyncFixture.papersAfterSync)
        #expect(try index.meta("last_harvest") == "2026-11-30")
        #expect(try index.syncState()?.isRunning == false)
        for (query, id) in [("sparse retrieval", "2411.01234"), ("error mitigation", "2411.01240"), ("consecutive primes", "2411.01299")] {
            #expect(try index.search(query).map(\.id) == [id], "\(query)")
        }
    }
}
