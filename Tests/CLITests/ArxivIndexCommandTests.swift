import Foundation
import TestSupport
import Testing

/// `notelint arxiv import|status|search|show` through the built binary.
@Suite struct ArxivIndexCommandTests {
    private func snapshot(in folder: TemporaryFolder) throws -> String {
        let lines = [
            #"{"id":"1706.03762","authors":"Ashish Vaswani, Noam Shazeer","title":"Attention Is All You\n  Need","comments":"15 pages","journal-ref":null,"doi":null,"categories":"cs.CL cs.LG","abstract":"  The dominant models.\n","versions":[{"version":"v1","created":"Mon, 12 Jun 2017 17:57:34 GMT"},{"version":"v7","created":"Wed, 2 Aug 2023 00:41:18 GMT"}],"update_date":"2023-08-03","authors_parsed":[["Vaswani","Ashish",""],["Shazeer","Noam",""]]}"#,
            #"{"id":"hep-th/9901001","authors":"J. Author","title":"An old paper","comments":"This paper has been withdrawn by the author","journal-ref":"Phys.Rev.D60:1,1999","doi":"10.1103/PhysRevD.60.1","categories":"hep-th","abstract":"  This paper has been withdrawn.\n","versions":[{"version":"v1","created":"Fri, 1 Jan 1999 10:00:00 GMT"}],"update_date":"2008-01-01","authors_parsed":[["Author","J.",""]]}"#,
            #"{"id":"broken"#,
        ]
        try folder.write("snapshot.json", lines.joined(separator: "\n") + "\n")
        return folder.path("snapshot.json")
    }

    @Test func importThenStatusSearchAndShow() throws {
        let folder = try TemporaryFolder()
        let file = try snapshot(in: folder)
        let environment = ["NOTELINT_ARXIV_DB": folder.path("data/arxiv.sqlite")]
        let imported = try Notelint.run(["arxiv", "import", file], in: folder.url, environment: environment)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 2 papers"))
        #expect(imported.stdout.contains("skipped 1 malformed line"))
        #expect(imported.stderr.contains("snapshot.json:3:"), "\(imported.stderr)")
        #expect(!imported.stderr.contains("importing:"), "no progress line when stderr is not a terminal")

        let status = try Notelint.run(["arxiv", "status"], in: folder.url, environment: environment)
        #expect(status.status == 0)
        #expect(status.stdout.contains("papers: 2"))
        #expect(status.stdout.contains("snapshot imported: "))
        #expect(status.stdout.contains("size: "))

        let search = try Notelint.run(
            ["arxiv", "search", "attention", "is", "al", "--format", "json"], in: folder.url, environment: environment)
        #expect(search.status == 0)
        let results = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]]
        #expect(results?.first?["id"] as? String == "1706.03762")
        #expect(results?.first?["title"] as? String == "Attention Is All You Need")
        #expect(results?.first?["first_version_date"] as? String == "2017-06-12")
        #expect(results?.first?["latest_version_date"] as? String == "2023-08-02")

        let text = try Notelint.run(["arxiv", "search", "vaswani", "--limit", "1"], in: folder.url, environment: environment)
        #expect(text.stdout.hasPrefix("1706.03762 (2017-06-12)  Attention Is All You Need\n"))

        let show = try Notelint.run(["arxiv", "show", "hep-th/9901001v1", "--db", folder.path("data/arxiv.sqlite")], in: folder.url)
        #expect(show.status == 0)
        #expect(show.stdout.contains("withdrawn: yes"))
        #expect(show.stdout.contains("doi: 10.1103/PhysRevD.60.1"))
        #expect(show.stdout.contains("categories: hep-th"))
    }

    @Test func aMissingPaperOrIndexIsSaidPlainly() throws {
        let folder = try TemporaryFolder()
        let environment = ["XDG_DATA_HOME": folder.path("data")]
        for arguments in [["arxiv", "status"], ["arxiv", "search", "x"], ["arxiv", "show", "1706.03762"]] {
            let run = try Notelint.run(arguments, in: folder.url, environment: environment)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains("no arXiv index at \(folder.path("data/notelint/arxiv.sqlite"))"), "\(run.stderr)")
            #expect(run.stderr.contains("notelint arxiv import FILE"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("data/notelint/arxiv.sqlite")), "reading never creates an index")

        _ = try Notelint.run(["arxiv", "import", try snapshot(in: folder)], in: folder.url, environment: environment)
        let missing = try Notelint.run(["arxiv", "show", "2101.00001"], in: folder.url, environment: environment)
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("2101.00001 is not in the index"))

        let unreadable = try Notelint.run(["arxiv", "import", "nope.json"], in: folder.url, environment: environment)
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("nope.json: no such file"))
    }
}
