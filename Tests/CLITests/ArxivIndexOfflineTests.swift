import Foundation
import TestSupport
import Testing

/// With a local index, `check` runs the arXiv rules offline and `fill` asks the API nothing
/// the index holds: through the built binary, with the API's address a closed port.
@Suite struct ArxivIndexOfflineTests {
    let folder: TemporaryFolder
    let environment: [String: String]

    init() throws {
        folder = try TemporaryFolder()
        let lines = [
            #"{"id":"2104.09864","authors":"Jianlin Su, Yu Lu and Shengfeng Pan","title":"RoFormer: Enhanced Transformer with Rotary\n  Position Embedding","comments":null,"journal-ref":null,"doi":null,"categories":"cs.CL cs.AI cs.LG","abstract":"  Position encoding.\n","versions":[{"version":"v1","created":"Tue, 20 Apr 2021 09:54:06 GMT"},{"version":"v5","created":"Wed, 8 Nov 2023 13:36:32 GMT"}],"update_date":"2023-11-09","authors_parsed":[]}"#,
            #"{"id":"2104.09870","authors":"A. Author","title":"A Result That Did Not Hold","comments":"This paper has been withdrawn: the main lemma is false","journal-ref":null,"doi":null,"categories":"math.CO","abstract":"  This paper has been withdrawn.\n","versions":[{"version":"v1","created":"Tue, 20 Apr 2021 10:00:00 GMT"},{"version":"v2","created":"Mon, 3 May 2021 10:00:00 GMT"}],"update_date":"2021-05-04","authors_parsed":[]}"#,
            #"{"id":"2105.00001","authors":"B. Author","title":"The Newest Paper","comments":null,"journal-ref":null,"doi":null,"categories":"cs.LG","abstract":"  A.\n","versions":[{"version":"v1","created":"Sat, 1 May 2021 10:00:00 GMT"}],"update_date":"2021-05-02","authors_parsed":[]}"#,
        ]
        try folder.write("snapshot.json", lines.joined(separator: "\n") + "\n")
        environment = [
            "NOTELINT_ARXIV_DB": folder.path("data/arxiv.sqlite"), "XDG_CACHE_HOME": folder.path("cache"),
            "NOTELINT_ARXIV_API_URL": "http://127.0.0.1:1/api/query", "NOTELINT_ARXIV_INTERVAL": "0", "NOTELINT_ARXIV_DEADLINE": "2",
        ]
        let imported = try Notelint.run(["arxiv", "import", "snapshot.json"], in: folder.url, environment: environment)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    static let note = """
        # Reading

        Title: RoFormer: Enhanced Transformer with Rotary Embedding
        Link: https://arxiv.org/abs/2104.09864
        Date: 20 Apr 2021
        Subjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI); Machine Learning (cs.LG)

        Title: A Result That Did Not Hold
        Link: https://arxiv.org/abs/2104.09870
        Date: 20 Apr 2021
        Subjects: Combinatorics (math.CO)

        Title: A Mistyped Number
        Link: https://arxiv.org/abs/2104.09865
        Date: 20 Apr 2021
        Subjects: Machine Learning (cs.LG)

        Title: Newer Than The Index
        Link: https://arxiv.org/abs/2106.00001
        Date: 1 Jun 2021
        Subjects: Machine Learning (cs.LG)

        """

    @Test func checkRunsTheArxivRulesFromTheIndex() throws {
        try folder.write("note.md", Self.note)
        let run = try Notelint.run(
            ["check", "--no-cache", "--format", "json", "note.md"], in: folder.url, environment: environment)
        #expect(run.status == 1, "\(run.stderr)")
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let byRule = Dictionary(grouping: findings, by: { $0["rule"] as? String ?? "" })
        let title = try #require(byRule["arxiv-title-mismatch"]?.first)
        #expect(Self.line(title) == 3)
        #expect((title["message"] as? String)?.contains("RoFormer: Enhanced Transformer with Rotary Position Embedding") == true)
        let withdrawn = try #require(byRule["arxiv-withdrawn"]?.first)
        #expect(Self.line(withdrawn) == 9)
        #expect((withdrawn["message"] as? String)?.contains("the main lemma is false") == true)
        let missing = try #require(byRule["arxiv-not-found"])
        #expect(missing.count == 1, "2106.00001 is newer than the index: not said to be missing")
        #expect(missing.first.map(Self.line) == 14)
        #expect(byRule["arxiv-subjects-mismatch"] == nil)
        #expect(byRule["date-arxiv-mismatch"] == nil, "the v1 date, 20 Apr 2021, is read from the index")
    }

    static func line(_ finding: [String: Any]) -> Int? {
        ((finding["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int
    }

    @Test func fillReadsTheIndexAndAsksTheAPINothingItHolds() throws {
        try folder.write(
            "note.md",
            """
            Title:
            Link: https://arxiv.org/abs/2104.09864
            Date:
            Subjects:

            Title: The Newest Paper
            Link:
            Date:
            Subjects:

            """)
        let run = try Notelint.run(["fill", "--find", "--offline", "note.md"], in: folder.url, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "filled 2 entries in 1 file; 0 unchanged, 0 not found, 0 failed; 0 requests to arXiv\n")
        let filled = String(decoding: folder.read("note.md"), as: UTF8.self)
        #expect(filled.contains("Title: RoFormer: Enhanced Transformer with Rotary Position Embedding\n"), "\(filled)")
        #expect(filled.contains("Subjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI); Machine Learning (cs.LG)"))
        #expect(filled.contains("Link: https://arxiv.org/abs/2105.00001"), "\(filled)")

        // Not offline: what the index lacks goes to the API (here a closed port), nothing else does.
        try folder.write(
            "other.md",
            "Title: A\nLink: https://arxiv.org/abs/2104.09864\nDate:\nSubjects:\n\nTitle: B\nLink: https://arxiv.org/abs/2106.00001\n")
        let online = try Notelint.run(["fill", "other.md"], in: folder.url, environment: environment)
        #expect(online.status == 2)
        #expect(online.stderr.contains("other.md:7: arXiv 2106.00001: cannot reach the API"), "\(online.stderr)")
        #expect(!online.stderr.contains("2104.09864"), "\(online.stderr)")
        #expect(
            String(decoding: try folder.read("other.md"), as: UTF8.self).contains("Subjects: Computation and Language (cs.CL)"),
            "the entry the index holds is filled all the same")
    }

    @Test func offlineFillSaysWhatTheIndexDoesNotHold() throws {
        try folder.write("note.md", "Title: A\nLink: https://arxiv.org/abs/2106.00001\nDate:\n")
        let run = try Notelint.run(["fill", "--offline", "note.md"], in: folder.url, environment: environment)
        #expect(run.status == 2)
        #expect(
            run.stderr.contains("note.md:2: arXiv 2106.00001: not in the local index nor the cache, and --offline keeps the API out"),
            "\(run.stderr)")
        #expect(run.stderr.contains("0 requests to arXiv"))
    }
}
