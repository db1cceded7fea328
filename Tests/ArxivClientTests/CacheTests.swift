import ArxivKit
import FakeArxivServer
import Foundation
import TestSupport
import Testing

@testable import ArxivClient

@Suite struct MetadataCacheTests {
    static let roformer = try! AtomFeed.parse(fixtureFeed(["2104.09864"])).entries[0]
    /// The cache folder, this test's own.
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder(prefix: "notelint-arxiv") }

    /// The size of the answers' files (`*.json`) in `folder`.
    static func answerBytes(in folder: String) throws -> Int {
        let manager = FileManager.default
        return try manager.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.reduce(0) { total, name in
            total + (try manager.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int ?? 0)
        }
    }

    @Test func storesAndReadsBackByIdentifierAsWritten() throws {
        let cache = MetadataCache(folder: folder.path)
        try cache.store(.found(Self.roformer), for: id("2104.09864"))
        try cache.store(.notFound, for: id("2301.99999"))
        try cache.store(.found(Self.roformer), for: id("hep-th/9711200v2"))
        #expect(cache.lookup(id("2104.09864")) == .found(Self.roformer))
        #expect(cache.lookup(id("2301.99999")) == .notFound)
        #expect(cache.lookup(id("hep-th/9711200v2")) != nil)
        #expect(cache.lookup(id("2104.09864v1")) == nil)
        let bytes = try Self.answerBytes(in: cache.folder)
        #expect(bytes > 0)
        #expect(cache.summary() == .init(found: 2, notFound: 1, stale: 0, unreadable: 0, bytes: bytes))
        #expect(try cache.clear() == 3)
        #expect(cache.lookup(id("2104.09864")) == nil)
    }

    /// An empty cache's snapshot says it answers nothing (rules then ask it nothing); one with
    /// an answer, or a layer over one, does not.
    @Test func anEmptySnapshotAnswersNothing() throws {
        let cache = MetadataCache(folder: folder.path)
        #expect(cache.snapshot().answersNothing)
        #expect(cache.snapshot().lookup(id("2104.09864")) == nil)
        #expect(LayeredMetadataSource(cache.snapshot(), then: cache.snapshot()).answersNothing)
        try cache.store(.notFound, for: id("2301.99999"))
        #expect(!cache.snapshot().answersNothing)
        #expect(!LayeredMetadataSource(MetadataCache(folder: folder.path + "/empty").snapshot(), then: cache.snapshot()).answersNothing)
        #expect(!ArxivMetadataTable([:]).answersNothing, "a source that does not say answers as before")
    }

    /// A snapshot answers as the folder was when it was taken; the next one sees every write
    /// and removal since, whether or not the folder had settled.
    @Test func snapshotsSeeEveryWriteBeforeThem() throws {
        let cache = MetadataCache(folder: folder.path)
        try cache.store(.found(Self.roformer), for: id("2104.09864"))
        let first = cache.snapshot()
        try cache.store(.notFound, for: id("2301.99999"))
        #expect(first.lookup(id("2104.09864")) == .found(Self.roformer))
        #expect(first.lookup(id("2301.99999")) == nil)
        #expect(cache.snapshot().lookup(id("2301.99999")) == .notFound)

        let longAgo = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: cache.folder)
        #expect(cache.snapshot().lookup(id("hep-th/9711200")) == nil)  // a settled listing, kept
        try cache.store(.found(Self.roformer), for: id("hep-th/9711200"))
        #expect(cache.snapshot().lookup(id("hep-th/9711200")) == .found(Self.roformer))
        try cache.clear()
        #expect(cache.snapshot().lookup(id("2104.09864")) == nil)
    }

    /// While the folder is unchanged, a record is read once: rewriting a file in place (which
    /// notelint never does) goes unseen, and expiry still applies to the kept record.
    @Test func anUnchangedFolderIsAnsweredFromMemory() throws {
        let cache = MetadataCache(folder: folder.path)
        try cache.store(.found(Self.roformer), for: id("2104.09864"))
        let longAgo = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: cache.folder)
        #expect(cache.snapshot().lookup(id("2104.09864")) == .found(Self.roformer))
        try Data("not JSON".utf8).write(to: URL(fileURLWithPath: cache.folder + "/2104.09864.json"))
        try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: cache.folder)
        #expect(cache.lookup(id("2104.09864")) == nil, "a direct lookup reads the file")
        #expect(cache.snapshot().lookup(id("2104.09864")) == .found(Self.roformer))
        let monthOn = MetadataCache(folder: folder.path, cacheDays: 30, now: { Date().addingTimeInterval(31 * 86_400) })
        #expect(monthOn.snapshot().lookup(id("2104.09864")) == nil)
    }

    @Test func answersExpire() throws {
        let start = Date()
        try MetadataCache(folder: folder.path, cacheDays: 30, now: { start }).store(.found(Self.roformer), for: id("2104.09864"))
        try MetadataCache(folder: folder.path, cacheDays: 30, now: { start }).store(.notFound, for: id("2301.99999"))
        let twoDaysOn = MetadataCache(folder: folder.path, cacheDays: 30, now: { start.addingTimeInterval(2 * 86_400) })
        #expect(twoDaysOn.lookup(id("2104.09864")) != nil)
        #expect(twoDaysOn.lookup(id("2301.99999")) == nil)
        let monthOn = MetadataCache(folder: folder.path, cacheDays: 30, now: { start.addingTimeInterval(31 * 86_400) })
        #expect(monthOn.lookup(id("2104.09864")) == nil)
        #expect(monthOn.summary().stale == 2)
    }

    @Test func twoWritersAtOnceLoseNothing() throws {
        let path = folder.path
        let ids = (1...300).map { id(String(format: "2301.%05d", $0)) }
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let cache = MetadataCache(folder: path)
            for identifier in ids {
                // Both write every identifier; one writes found, the other not found.
                try! cache.store(writer == 0 ? .found(Self.roformer) : .notFound, for: identifier)
            }
        }
        let cache = MetadataCache(folder: path)
        #expect(ids.allSatisfy { cache.lookup($0) != nil })
        #expect(cache.summary().unreadable == 0)
        #expect(cache.summary().found + cache.summary().notFound == 300)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: path + "/arxiv").filter { $0.hasPrefix(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func refreshFetchesOnlyWhatTheCacheLacks() throws {
        let url = FakeArxiv.shared.url()
        let client = testClient(url, folder: folder)
        let cache = MetadataCache(folder: folder.path)
        try cache.store(.found(Self.roformer), for: id("2104.09864"))
        let failures = client.refresh([id("2104.09864"), id("2107.01969"), id("2301.99999")], cache: cache, today: today)
        #expect(failures.isEmpty)
        #expect(try FakeArxiv.shared.requests(to: url).map(\.query) == ["id_list=2107.01969,2301.99999&max_results=2"])
        #expect(cache.lookup(id("2301.99999")) == .notFound)
        _ = client.refresh([id("2104.09864"), id("2107.01969"), id("2301.99999")], cache: cache, today: today)
        #expect(try FakeArxiv.shared.requests(to: url).count == 1)
    }
}
