import ArxivKit
import Foundation
import TestSupport
import Testing

@testable import ArxivIndex

/// The index as the lint's metadata store: what it finds, what it says is missing (only what
/// it covers), and that it sees a later import.
@Suite struct IndexMetadataSourceTests {
    static let lines = [
        Snapshot.line(
            id: "1706.03762", title: "Attention Is All You\n  Need", authors: "Ashish Vaswani, Noam Shazeer (Google) and Niki Parmar",
            categories: "cs.CL cs.LG", versions: ["Mon, 12 Jun 2017 17:57:34 GMT", "Wed, 2 Aug 2023 00:41:18 GMT"]),
        Snapshot.line(id: "1706.03770", title: "A Withdrawn One", comments: "This paper has been withdrawn by the author"),
        Snapshot.line(id: "hep-th/9901001", title: "An old paper", categories: "hep-th"),
    ]

    private func index(_ lines: [String], in folder: TemporaryFolder, stopAfterBatches: Int? = nil) throws -> String {
        try folder.write("snapshot.json", lines.joined(separator: "\n") + "\n")
        let path = folder.path("arxiv.sqlite")
        let index = try ArxivIndex(path: path, create: true)
        _ = try index.importSnapshot(
            path: folder.path("snapshot.json"), options: ImportOptions(batchSize: 1, stopAfterBatches: stopAfterBatches))
        return path
    }

    @Test func aPaperTheIndexHoldsIsFoundAsTheAPIWouldDescribeIt() throws {
        let folder = try TemporaryFolder()
        let source = try IndexMetadataSource(path: try index(Self.lines, in: folder))
        guard case .found(let paper)? = source.lookup(ArxivIdentifier(id: "1706.03762", version: nil)) else {
            Issue.record("not found")
            return
        }
        #expect(paper.title == "Attention Is All You Need")
        #expect(paper.authors == ["Ashish Vaswani", "Noam Shazeer (Google)", "Niki Parmar"])
        #expect(paper.submitted == ArxivMetadata.Day(year: 2017, month: 6, day: 12))
        #expect(paper.version == 2)
        #expect(paper.updated == "2023-08-02")
        #expect(paper.primaryCategory == "cs.CL")
        #expect(paper.categories == ["cs.CL", "cs.LG"])
        #expect(!paper.isWithdrawn)
        guard case .found(let withdrawn)? = source.lookup(ArxivIdentifier(id: "1706.03770", version: nil)) else {
            Issue.record("not found")
            return
        }
        #expect(withdrawn.isWithdrawn)
        // A version the index knows, and one it does not know yet.
        guard case .found(let first)? = source.lookup(ArxivIdentifier(id: "1706.03762", version: 1)) else {
            Issue.record("v1 not found")
            return
        }
        #expect(first.version == 1)
        #expect(source.lookup(ArxivIdentifier(id: "1706.03762", version: 3)) == nil)
    }

    @Test func onlyWhatTheIndexCoversIsMissing() throws {
        let folder = try TemporaryFolder()
        let source = try IndexMetadataSource(path: try index(Self.lines, in: folder))
        // Below the newest identifier of its month, and an old-style one: arXiv has no such paper.
        #expect(source.lookup(ArxivIdentifier(id: "1706.03765", version: nil)) == .notFound)
        #expect(source.lookup(ArxivIdentifier(id: "1501.00001", version: nil)) == .notFound)
        #expect(source.lookup(ArxivIdentifier(id: "hep-th/9901002", version: nil)) == .notFound)
        // Past the newest: perhaps a paper newer than the snapshot.
        #expect(source.lookup(ArxivIdentifier(id: "1706.03771", version: nil)) == nil)
        #expect(source.lookup(ArxivIdentifier(id: "2104.09864", version: nil)) == nil)
    }

    @Test func anUnfinishedImportSaysNothingIsMissing() throws {
        let folder = try TemporaryFolder()
        let source = try IndexMetadataSource(path: try index(Self.lines, in: folder, stopAfterBatches: 2))
        #expect(source.lookup(ArxivIdentifier(id: "1706.03762", version: nil)) != nil)
        #expect(source.lookup(ArxivIdentifier(id: "1706.03765", version: nil)) == nil)
    }

    @Test func aLaterImportIsSeenAndChangesTheFingerprint() throws {
        let folder = try TemporaryFolder()
        let path = try index(Self.lines, in: folder)
        let source = try IndexMetadataSource(path: path)
        let identifier = ArxivIdentifier(id: "1706.03765", version: nil)
        #expect(source.snapshot().lookup(identifier) == .notFound)
        let before = source.fingerprint

        try folder.write("more.json", Snapshot.line(id: "1706.03765", title: "Found Later") + "\n")
        _ = try ArxivIndex(path: path).importSnapshot(path: folder.path("more.json"), options: ImportOptions())

        guard case .found(let paper)? = source.snapshot().lookup(identifier) else {
            Issue.record("the new paper was not seen")
            return
        }
        #expect(paper.title == "Found Later")
        #expect(source.fingerprint != before)
    }

    @Test func titlesAreFoundExactWordsFirst() throws {
        let folder = try TemporaryFolder()
        let source = try IndexMetadataSource(path: try index(Self.lines, in: folder))
        #expect(source.papers(titled: "Attention is all you need", limit: 5).first?.id == "1706.03762")
        #expect(source.papers(titled: "Attention is all you nee", limit: 5).isEmpty, "a whole title's last word is not a prefix")
    }

    @Test func sharedOpensOnceAndSaysWhyAnIndexCannotBeRead() throws {
        let folder = try TemporaryFolder()
        var warnings: [String] = []
        #expect(IndexMetadataSource.shared(path: folder.path("none.sqlite")) { warnings.append($0) } == nil)
        #expect(warnings.isEmpty, "no index is no error")
        try folder.write("broken.sqlite", "not a database")
        #expect(IndexMetadataSource.shared(path: folder.path("broken.sqlite")) { warnings.append($0) } == nil)
        #expect(IndexMetadataSource.shared(path: folder.path("broken.sqlite")) { warnings.append($0) } == nil)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("broken.sqlite") == true)
        let path = try index(Self.lines, in: folder)
        let first = IndexMetadataSource.shared(path: path) { warnings.append($0) }
        #expect(first != nil)
        #expect(first === IndexMetadataSource.shared(path: path) { warnings.append($0) })
    }

    @Test(arguments: [
        ("A. Smith, B. Jones and C. Lee", ["A. Smith", "B. Jones", "C. Lee"]),
        ("A. Smith, B. Jones, and C. Lee", ["A. Smith", "B. Jones", "C. Lee"]),
        ("A. Smith (MIT, USA), B.\n  Jones", ["A. Smith (MIT, USA)", "B. Jones"]),
        ("Anderson Sandberg", ["Anderson Sandberg"]),
        ("", []),
    ])
    func authorLinesAreSplitIntoNames(line: String, names: [String]) {
        let paper = Paper(
            id: "2101.00001", title: "T", authors: line, categories: [], versionCount: 1, firstVersionDate: nil,
            latestVersionDate: nil, updateDate: nil, doi: nil, journalReference: nil, comments: nil, withdrawn: false, abstract: nil)
        #expect(paper.authorNames == names)
    }
}
