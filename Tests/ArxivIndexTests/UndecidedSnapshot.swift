import Foundation
import TestSupport

@testable import ArxivIndex

/// A generated snapshot of 3,000 papers, then 40 newer ones (`9912.00001` on) with the first
/// 40 titles and authors whose letters of Latin Extended-A FTS5 folds and the partial-word
/// scan leaves to FTS5 (`Ł`), imported into a new index in `folder`; with the generated titles.
func indexWithUndecidedAuthors(in folder: TemporaryFolder) throws -> (index: ArxivIndex, titles: [String]) {
    let file = try Snapshot.generate(records: 3000, in: folder, name: "snapshot.json")
    let titles = try Snapshot.records(file).compactMap { $0["title"] as? String }
    let undecided = titles.prefix(40).enumerated().map { number, title in
        Snapshot.line(id: String(format: "9912.%05d", number + 1), title: title, authors: "Łukasz Łoś and Ωmega Ćwik")
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
    handle.seekToEndOfFile()
    handle.write(Data((undecided.joined(separator: "\n") + "\n").utf8))
    try handle.close()
    let index = try ArxivIndex(path: folder.path("arxiv.sqlite"), create: true)
    _ = try index.importSnapshot(path: file)
    return (index, titles)
}
