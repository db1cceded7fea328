import Foundation
import TestSupport

/// Snapshots for the tests: written by bench/arxiv_snapshot.py (the benchmark's generator), or
/// by hand, one JSON object per line.
enum Snapshot {
    /// `records` synthetic records in `folder/name`, gzip-compressed when `gzip`.
    static func generate(records: Int, gzip: Bool = false, in folder: TemporaryFolder, name: String) throws -> String {
        let path = folder.path(name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", PackagePaths.path("bench/arxiv_snapshot.py"), "--records", String(records), "--output", path]
            + (gzip ? ["--gzip"] : [])
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GenerationFailed() }
        return path
    }

    struct GenerationFailed: Error {}

    /// The snapshot's lines as Foundation reads them: what the index must hold.
    static func records(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// One line in the published shape.
    static func line(
        id: String, title: String, authors: String = "A. Author", categories: String = "cs.LG", comments: String? = nil,
        versions: [String] = ["Mon, 2 Apr 2007 19:18:42 GMT"]
    ) -> String {
        func quoted(_ text: String?) -> String {
            guard let text else { return "null" }
            let data = try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
            return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
        }
        let versionList = versions.enumerated().map { "{\"version\":\"v\($0.offset + 1)\",\"created\":\(quoted($0.element))}" }
        return """
            {"id":\(quoted(id)),"submitter":"A. Author","authors":\(quoted(authors)),"title":\(quoted(title)),"comments":\(quoted(comments)),\
            "journal-ref":null,"doi":null,"report-no":null,"categories":\(quoted(categories)),"license":null,\
            "abstract":"  An abstract.\\n","versions":[\(versionList.joined(separator: ","))],"update_date":"2007-05-23",\
            "authors_parsed":[["Author","A.",""]]}
            """
    }
}
