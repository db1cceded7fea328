import FakeArxivServer
import Foundation
import TestSupport

/// An index made by `notelint arxiv import` from three papers that the fake server's
/// OAI-PMH pages (fixtures/arxiv/oai/) update, delete and leave alone, and the environment
/// that points a sync at the fake server.
struct SyncFixture {
    let folder: TemporaryFolder
    var database: String { folder.path("arxiv.sqlite") }

    /// The papers after a complete sync of the three pages: the three imported, less the
    /// deleted 2101.00001, plus four new ones.
    static let papersAfterSync = 6

    init() throws {
        folder = try TemporaryFolder()
        let lines = [
            #"{"id":"1706.03762","authors":"Ashish Vaswani, Noam Shazeer","title":"Attention Is All You\n  Need","comments":"15 pages","journal-ref":null,"doi":null,"categories":"cs.CL cs.LG","abstract":"  The dominant models.\n","versions":[{"version":"v1","created":"Mon, 12 Jun 2017 17:57:34 GMT"},{"version":"v7","created":"Wed, 2 Aug 2023 00:41:18 GMT"}],"update_date":"2023-08-03"}"#,
            #"{"id":"2101.00001","authors":"Q. Doomed","title":"Quixotic Zebra Migration","comments":null,"journal-ref":null,"doi":null,"categories":"q-bio.PE","abstract":"Zebras.","versions":[{"version":"v1","created":"Fri, 1 Jan 2021 10:00:00 GMT"}],"update_date":"2021-01-04"}"#,
            #"{"id":"hep-th/9901001","authors":"J. Author","title":"An old paper","comments":"This paper has been withdrawn by the author","journal-ref":null,"doi":null,"categories":"hep-th","abstract":"  This paper has been withdrawn.\n","versions":[{"version":"v1","created":"Fri, 1 Jan 1999 10:00:00 GMT"}],"update_date":"2008-01-01"}"#,
        ]
        try folder.write("snapshot.json", lines.joined(separator: "\n") + "\n")
        let imported = try Notelint.run(["arxiv", "import", folder.path("snapshot.json"), "--db", database])
        guard imported.status == 0 else { throw ImportFailed(stderr: imported.stderr) }
    }

    struct ImportFailed: Error {
        let stderr: String
    }

    /// A sync's environment: the fake server at `url`, short spacing, the request lock in the
    /// fixture's folder.
    func environment(_ url: String) -> [String: String] {
        [
            "NOTELINT_ARXIV_OAI_URL": url, "NOTELINT_ARXIV_INTERVAL": "0.05", "NOTELINT_ARXIV_BACKOFF": "0.05",
            "XDG_CACHE_HOME": folder.path("cache"),
        ]
    }

    func sync(_ url: String, _ arguments: [String] = []) throws -> Run {
        try Notelint.run(["arxiv", "sync", "--db", database] + arguments, environment: environment(url))
    }
}
