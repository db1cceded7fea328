import Foundation
import TestSupport

/// The notes and settings the arXiv tests of every target share.
public enum ArxivFixtures {
    /// The example note (fixtures/example-note.md).
    public static var exampleNote: String {
        try! String(contentsOf: PackagePaths.url("fixtures/example-note.md"), encoding: .utf8)
    }

    /// The example note with its arXiv entries' Title, Date and Subjects emptied.
    public static var emptiedNote: String {
        var lines = exampleNote.components(separatedBy: "\n")
        for (index, line) in lines.enumerated() where line.hasPrefix("Link: https://arxiv.org/") {
            for neighbour in [index - 1, index + 1, index + 2] {
                for key in ["Title:", "Date:", "Subjects:"] where lines[neighbour].hasPrefix(key) { lines[neighbour] = key + " " }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The environment of a notelint process that asks the fake server at `url` (short request
    /// spacing and backoff) and keeps its arXiv cache under `cacheHome`, never the user's.
    public static func environment(url: String, cacheHome: String) -> [String: String] {
        ["NOTELINT_ARXIV_API_URL": url, "NOTELINT_ARXIV_INTERVAL": "0.05", "NOTELINT_ARXIV_BACKOFF": "0.05", "XDG_CACHE_HOME": cacheHome]
    }
}
