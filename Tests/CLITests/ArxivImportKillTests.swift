import ArxivIndex
import Foundation
import TestSupport
import Testing

/// `notelint arxiv import` killed with SIGKILL after it has committed a batch: the index opens,
/// passes `PRAGMA integrity_check`, and the same command run again completes it.
@Suite struct ArxivImportKillTests {
    @Test func aKilledImportLeavesASoundIndexThatTheNextRunCompletes() throws {
        let folder = try TemporaryFolder()
        let records = 25_000
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = [
            "python3", PackagePaths.path("bench/arxiv_snapshot.py"), "--records", String(records), "--gzip", "--output",
            folder.path("snapshot.json.gz"),
        ]
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        let database = folder.path("arxiv.sqlite")

        let process = Process()
        process.executableURL = Notelint.binary
        process.arguments = ["arxiv", "import", folder.path("snapshot.json.gz"), "--db", database]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Until the first batch is committed: the progress is in the index.
        let deadline = Date().addingTimeInterval(120)
        var committed = 0
        while process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            if let index = try? ArxivIndex(path: database), let line = try? index.meta("import_line").flatMap({ Int($0) }) {
                committed = line
            }
            if committed > 0 { break }
        }
        let killedMidway = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(killedMidway, "the import finished before it could be killed")
        #expect(committed > 0 && committed < records)

        do {
            let index = try ArxivIndex(path: database)
            #expect(try index.integrityCheck() == "ok")
            #expect(try index.paperCount < records)
            #expect(try index.meta("import_state") == "running")
        }
        let status = try Notelint.run(["arxiv", "status", "--db", database])
        #expect(status.stdout.contains("unfinished import: "), "\(status.stdout)")

        let resumed = try Notelint.run(["arxiv", "import", folder.path("snapshot.json.gz"), "--db", database])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("(resumed after line "), "\(resumed.stdout)")
        let index = try ArxivIndex(path: database)
        #expect(try index.paperCount == records)
        #expect(try index.integrityCheck() == "ok")
        #expect(try index.meta("import_state") == "done")
        #expect(try !index.search("learning").isEmpty)
    }
}
