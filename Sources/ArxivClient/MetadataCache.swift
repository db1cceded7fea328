import ArxivKit
import Foundation

/// arXiv's answers on disk, one JSON file per identifier as written (`2104.09864.json`,
/// `hep-th_9901001v2.json`), each written to a temporary file in the same folder and renamed
/// into place. Writers in several processes (the editor's server and a CLI run) therefore never
/// lose each other's answers, and a crash leaves either the old file or the new one. Each file
/// keeps its fetch time: found papers stay fresh `cacheDays`, not-found answers one day; a
/// stale answer reads as unknown.
public struct MetadataCache: ArxivMetadataSource {
    public let folder: String
    public let cacheDays: Double
    let now: @Sendable () -> Date

    struct Record: Codable {
        var fetched: Double
        var found: ArxivMetadata?
    }

    public init(folder: String, cacheDays: Double = 30, now: @escaping @Sendable () -> Date = { Date() }) {
        self.folder = folder + "/arxiv"
        self.cacheDays = cacheDays
        self.now = now
    }

    public init(settings: ArxivClientSettings) {
        self.init(folder: settings.cacheFolder, cacheDays: settings.cacheDays)
    }

    static func fileName(_ identifier: ArxivIdentifier) -> String {
        let written = identifier.description
        let slash = UInt8(ascii: "/")
        // Called for every entry of every lint: most identifiers (new style) have no slash.
        guard written.utf8.contains(slash) else { return written + ".json" }
        return String(decoding: written.utf8.map { $0 == slash ? UInt8(ascii: "_") : $0 }, as: UTF8.self) + ".json"
    }

    private func path(_ identifier: ArxivIdentifier) -> String { folder + "/" + Self.fileName(identifier) }

    public func lookup(_ identifier: ArxivIdentifier) -> ArxivLookup? {
        answer(read(path(identifier)))
    }

    /// The folder as it is now, read from memory while it does not change (see `CacheListing`).
    public func snapshot() -> any ArxivMetadataSource {
        MetadataCacheSnapshot(cache: self, listing: CacheListing.current(of: folder))
    }

    func answer(_ record: Record?) -> ArxivLookup? {
        guard let record, isFresh(record) else { return nil }
        return record.found.map(ArxivLookup.found) ?? .notFound
    }

    /// The folder's modification time (every write renames a file into it) and today's date
    /// (answers expire by the day).
    public var fingerprint: String {
        // stat(2) itself: FileManager's attributes cost a one-note run 4% of its instructions.
        var status = stat()
        let modified = stat(folder, &status) == 0 ? "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)" : "0"
        return "arxiv-cache=\(modified);day=\(Int(now().timeIntervalSince1970 / 86_400))"
    }

    public func store(_ answer: ArxivLookup, for identifier: ArxivIdentifier) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var found: ArxivMetadata?
        if case .found(let metadata) = answer { found = metadata }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Record(fetched: now().timeIntervalSince1970, found: found))
        let target = path(identifier)
        let temporary = folder + "/.tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target, NSLocalizedDescriptionKey: reason])
        }
    }

    func read(_ path: String) -> Record? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(Record.self, from: data)
    }

    private func isFresh(_ record: Record) -> Bool {
        let days = record.found == nil ? 1 : cacheDays
        return now().timeIntervalSince1970 - record.fetched < days * 86_400
    }

    public struct Summary: Equatable, Sendable {
        public var found = 0
        public var notFound = 0
        public var stale = 0
        public var unreadable = 0
        public var bytes = 0
    }

    /// What the cache holds.
    public func summary() -> Summary {
        var summary = Summary()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".json") {
            let file = folder + "/" + name
            summary.bytes += (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            guard let record = read(file) else {
                summary.unreadable += 1
                continue
            }
            if !isFresh(record) {
                summary.stale += 1
            } else if record.found == nil {
                summary.notFound += 1
            } else {
                summary.found += 1
            }
        }
        return summary
    }

    /// Removes every answer (and any temporary file a crash left); returns how many answers.
    @discardableResult
    public func clear() throws -> Int {
        var removed = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasSuffix(".json") || name.hasPrefix(".tmp-") {
            try FileManager.default.removeItem(atPath: folder + "/" + name)
            if name.hasSuffix(".json") { removed += 1 }
        }
        return removed
    }
}
