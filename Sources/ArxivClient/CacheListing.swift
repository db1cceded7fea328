import ArxivKit
import Foundation

/// The answer files of a cache folder, and the records read from them, kept in memory for as
/// long as the folder's modification time says nothing changed: every write renames a file
/// into the folder, which changes it. A lint of a note with 5,000 arXiv links otherwise opens
/// 5,000 files, per rule, per keystroke.
///
/// A listing taken within two seconds of the folder's last change is not kept: another
/// change in the same clock tick would leave the time as it was (git's "racy" index entries).
final class CacheListing: @unchecked Sendable {
    let folder: String
    let names: Set<String>
    private let modified: timespec
    private let lock = NSLock()
    private var records: [String: MetadataCache.Record?] = [:]

    private init(folder: String, names: Set<String>, modified: timespec) {
        self.folder = folder
        self.names = names
        self.modified = modified
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [String: CacheListing] = [:]

    /// The listing of `folder` now: the kept one while the folder is unchanged.
    static func current(of folder: String) -> CacheListing {
        var status = stat()
        guard stat(folder, &status) == 0 else {
            return CacheListing(folder: folder, names: [], modified: timespec())
        }
        let modified = status.st_mtim
        if let listing = lock.withLock({ kept[folder] }),
           listing.modified.tv_sec == modified.tv_sec, listing.modified.tv_nsec == modified.tv_nsec {
            return listing
        }
        let names = Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") })
        let listing = CacheListing(folder: folder, names: names, modified: modified)
        let settled = Double(modified.tv_sec) + 2 < Date().timeIntervalSince1970
        lock.withLock { kept[folder] = settled ? listing : nil }
        return listing
    }

    /// The record in `name`, read once per listing; nil when the folder has no such file.
    func record(_ name: String, reading read: (String) -> MetadataCache.Record?) -> MetadataCache.Record? {
        guard names.contains(name) else { return nil }
        if let known = lock.withLock({ records[name] }) { return known }
        let record = read(folder + "/" + name)
        lock.withLock { records[name] = .some(record) }
        return record
    }
}

/// A cache's answers as its folder was when the snapshot was taken.
struct MetadataCacheSnapshot: ArxivMetadataSource {
    let cache: MetadataCache
    let listing: CacheListing

    func lookup(_ identifier: ArxivIdentifier) -> ArxivLookup? {
        cache.answer(listing.record(MetadataCache.fileName(identifier), reading: cache.read))
    }

    var fingerprint: String { cache.fingerprint }
}
