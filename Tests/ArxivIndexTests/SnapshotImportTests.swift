import Foundation
import TestSupport
import Testing

@testable import ArxivIndex

/// Import of arXiv's metadata snapshot: counts, fields, gzip, malformed lines, and an import
/// stopped between two batches that a second run completes.
@Suite struct SnapshotImportTests {
    @Test(arguments: [false, true])
    func importsEveryRecordWithItsFields(gzip: Bool) throws {
        let folder = try TemporaryFolder()
        let plain = try Snapshot.generate(records: 400, in: folder, name: "snapshot.json")
        let file = gzip ? try Snapshot.generate(records: 400, gzip: true, in: folder, name: "snapshot.json.gz") : plain
        let index = try ArxivIndex(path: folder.path("index/arxiv.sqlite"), create: true)
        let report = try index.importSnapshot(path: file, options: ImportOptions(withAbstracts: true))
        #expect(report.finished)
        #expect(report.papers == 400)
        #expect(report.malformed == 0)
        #expect(try index.paperCount == 400)
        #expect(try index.integrityCheck() == "ok")

        let records = try Snapshot.records(plain)
        #expect(records.contains { ($0["id"] as? String)?.contains("/") == true }, "the generator writes old-style ids")
        var withdrawn = 0
        for record in records {
            let id = record["id"] as! String
            let paper = try #require(try index.paper(id: id))
            let title = (record["title"] as! String).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(paper.title == title)
            #expect(paper.authors == record["authors"] as? String)
            #expect(paper.categories == (record["categories"] as! String).split(separator: " ").map(String.init))
            let versions = record["versions"] as! [[String: String]]
            #expect(paper.versionCount == versions.count)
            #expect(paper.firstVersionDate == Self.day(versions.first!["created"]!))
            #expect(paper.latestVersionDate == Self.day(versions.last!["created"]!))
            #expect(paper.doi == record["doi"] as? String)
            #expect(paper.journalReference == record["journal-ref"] as? String)
            #expect(paper.updateDate == record["update_date"] as? String)
            let saysWithdrawn = (record["comments"] as? String)?.lowercased().contains("withdrawn") == true
            #expect(paper.withdrawn == saysWithdrawn, "\(id)")
            if saysWithdrawn { withdrawn += 1 }
            #expect(
                paper.abstract?.hasPrefix(String((record["abstract"] as! String).trimmingCharacters(in: .whitespaces).prefix(10))) == true)
        }
        #expect(withdrawn > 0, "the generator writes withdrawn papers")
        // A query broader than the candidates ranked still fills its page.
        #expect(try index.search("the", limit: 10).count == 10)
        // A version, an `arXiv:` prefix: the same paper.
        let first = records[0]["id"] as! String
        #expect(try index.paper(id: "arXiv:\(first)v2")?.id == first)
    }

    /// `Mon, 2 Apr 2007 19:18:42 GMT` -> `2007-04-02`, as Foundation reads it.
    static func day(_ stamp: String) -> String {
        let reader = DateFormatter()
        reader.locale = Locale(identifier: "en_US_POSIX")
        reader.timeZone = TimeZone(identifier: "GMT")
        reader.dateFormat = "EEE, d MMM yyyy HH:mm:ss zzz"
        let writer = DateFormatter()
        writer.locale = Locale(identifier: "en_US_POSIX")
        writer.timeZone = TimeZone(identifier: "GMT")
        writer.dateFormat = "yyyy-MM-dd"
        return writer.string(from: reader.date(from: stamp)!)
    }

    @Test func withoutAbstractsNoneIsKept() throws {
        let folder = try TemporaryFolder()
        let file = try Snapshot.generate(records: 50, in: folder, name: "snapshot.json")
        let index = try ArxivIndex(path: folder.path("arxiv.sqlite"), create: true)
        _ = try index.importSnapshot(path: file)
        let records = try Snapshot.records(file)
        #expect(try index.paper(id: records[3]["id"] as! String)?.abstract == nil)
        // The abstract is skipped after its first bytes; what follows it is still read.
        for record in records {
            let paper = try #require(try index.paper(id: record["id"] as! String))
            let versions = record["versions"] as! [[String: String]]
            #expect(paper.latestVersionDate == Self.day(versions.last!["created"]!))
            #expect(paper.updateDate == record["update_date"] as? String)
            #expect(paper.withdrawn == ((record["comments"] as? String)?.lowercased().contains("withdrawn") == true))
        }
        let long = String(repeating: "x", count: 300) + "\\\"quoted\\\" \\u00e9 end"
        try folder.write(
            "long.json",
            "{\"id\":\"0801.0001\",\"title\":\"Long\",\"abstract\":\"\(long)\",\"update_date\":\"2008-01-02\"}\n")
        let report = try index.importSnapshot(path: folder.path("long.json"))
        #expect(report.malformed == 0)
        #expect(try index.paper(id: "0801.0001")?.updateDate == "2008-01-02")
    }

    @Test func aMalformedLineIsReportedWithItsNumberAndSkipped() throws {
        let folder = try TemporaryFolder()
        let lines = [
            Snapshot.line(id: "0704.0001", title: "First"),
            Snapshot.line(id: "0704.0002", title: "Second"),
            "{\"id\":\"0704.0003\",\"title\":\"Broken",
            "",
            "[1, 2]",
            Snapshot.line(id: "hep-th/9901001", title: "Old style"),
            "{\"title\":\"no id\"}",
            String(repeating: "[", count: 10_000),
        ]
        try folder.write("snapshot.json", lines.joined(separator: "\n") + "\n")
        let index = try ArxivIndex(path: folder.path("arxiv.sqlite"), create: true)
        var reported: [MalformedLine] = []
        let report = try index.importSnapshot(path: folder.path("snapshot.json"), malformed: { reported.append($0) })
        #expect(report.papers == 3)
        #expect(report.malformed == 4)
        #expect(reported.map(\.line) == [3, 5, 7, 8])
        #expect(reported.allSatisfy { $0.description.hasPrefix(folder.path("snapshot.json") + ":") })
        #expect(reported[0].description.contains(":3:"))
        #expect(try index.paper(id: "hep-th/9901001")?.title == "Old style")
        #expect(try index.paper(id: "0704.0003") == nil)
    }

    @Test func anImportStoppedBetweenBatchesLeavesASoundIndexAndASecondRunCompletesIt() throws {
        let folder = try TemporaryFolder()
        let file = try Snapshot.generate(records: 500, gzip: true, in: folder, name: "snapshot.json.gz")
        let path = folder.path("arxiv.sqlite")
        do {
            let index = try ArxivIndex(path: path, create: true)
            let report = try index.importSnapshot(path: file, options: ImportOptions(batchSize: 60, stopAfterBatches: 3))
            #expect(!report.finished)
            #expect(report.papers == 180)
        }
        // As a new process would find it.
        let reopened = try ArxivIndex(path: path)
        #expect(try reopened.integrityCheck() == "ok")
        #expect(try reopened.paperCount == 180)
        #expect(try reopened.meta("import_state") == "running")

        let second = try reopened.importSnapshot(path: file, options: ImportOptions(batchSize: 60))
        #expect(second.finished)
        #expect(second.resumedAfterLine == 180)
        #expect(second.papers == 320)
        #expect(try reopened.paperCount == 500)
        #expect(try reopened.integrityCheck() == "ok")
        #expect(try reopened.connection.integer("SELECT count(DISTINCT id) FROM papers") == 500)
        try reopened.connection.execute("INSERT INTO papers_fts (papers_fts) VALUES ('integrity-check')")
        let title = try #require(try reopened.paper(id: Snapshot.records(Self.unzipped(file, in: folder))[499]["id"] as! String)?.title)
        #expect(try !reopened.search(title).isEmpty)
    }

    @Test func importingAgainReplacesPapersAndKeepsTheFullTextIndexInStep() throws {
        let folder = try TemporaryFolder()
        try folder.write("one.json", Snapshot.line(id: "2104.09864", title: "Roformer enhanced transformer") + "\n")
        try folder.write(
            "two.json",
            [Snapshot.line(id: "2104.09864", title: "Rotary position embedding"), Snapshot.line(id: "1706.03762", title: "Attention")]
                .joined(separator: "\n") + "\n")
        let index = try ArxivIndex(path: folder.path("arxiv.sqlite"), create: true)
        _ = try index.importSnapshot(path: folder.path("one.json"))
        _ = try index.importSnapshot(path: folder.path("two.json"))
        #expect(try index.paperCount == 2)
        #expect(try index.search("roformer").isEmpty)
        #expect(try index.search("rotary pos").map(\.id) == ["2104.09864"])
        try index.connection.execute("INSERT INTO papers_fts (papers_fts) VALUES ('integrity-check')")
    }

    static func unzipped(_ path: String, in folder: TemporaryFolder) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sh", "-c", "gzip -dc '\(path)' > '\(folder.path("unzipped.json"))'"]
        try process.run()
        process.waitUntilExit()
        return folder.path("unzipped.json")
    }
}
