import ArxivKit
import Foundation
import Synchronization

/// The answer files of a cache folder, and the records read from them, kept in memory for as
/// long as the folder's modification time says nothing changed: every write renames a file
/// into the folder, which changes it. A lint of a note with 5,000 arXiv links otherwise opens
/// 5,000 files, per rule, per keystroke.
///
/// A listing taken within two seconds of the folder's last change is not kept: another
/// change in the same clock tick would leave the time as it was (git's "racy" index entries).
final class CacheListing: Sendable {
    let folder: String
    let names: Set<String>
    /// The folder's modification time: seconds and nanoseconds.
    private let modified: (seconds: Int, nanoseconds: Int)
    private let records = Mutex<[String: MetadataCache.Record?]>([:])

    private init(folder: String, names: Set<String>, modified: (seconds: Int, nanoseconds: Int)) {
        self.folder = folder
        self.names = names
        self.modified = modified
    }

    private static let kept = Mutex<[String: CacheListing]>([:])

    /// The listing of `folder` now: the kept one while the folder is unchanged.
    static func current(of folder: String) -> CacheListing {
        var status = stat()
        guard stat(folder, &status) == 0 else {
            return CacheListing(folder: folder, names: [], modified: (0, 0))
        }
        let modified = (seconds: Int(status.st_mtim.tv_sec), nanoseconds: Int(status.st_mtim.tv_nsec))
        if let listing = kept.withLock({ $0[folder] }), listing.modified == modified {
            return listing
        }
        let names = Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") })
        let listing = CacheListing(folder: folder, names: names, modified: modified)
        let settled = Double(modified.seconds) + 2 < Date().timeIntervalSince1970
        kept.withLock { $0[folder] = settled ? listing : nil }
        return listing
    }

    /// The record in `name`, read once per listing; nil when the folder has no such file.
    func record(_ name: String, reading read: (String) -> MetadataCache.Record?) -> MetadataCache.Record? {
        guard names.contains(name) else { return nil }
        if let known = records.withLock({ $0[name] }) { return known }
        let record = read(folder + "/" + name)
        records.withLock { $0[name] = .some(record) }
        return record
    }
}

/// A cache's answers as its folder was when the snapshot was taken.
struct MetadataCacheSnapshot: ArxivMetadataSource {
    let cache: MetadataCache
    let listing: CacheListing

    func lookup(_ identifier: ArxivIdentifier) -> ArxivLookup? {
        // An empty cache (every run without `--online` that never filled it) answers nothing,
        // without the file name being spelt for each entry of each rule.
        guard !listing.names.isEmpty else { return nil }
        return cache.answer(listing.record(MetadataCache.fileName(identifier), reading: cache.read))
    }

    var fingerprint: String { cache.fingerprint }

    var answersNothing: Bool { listing.names.isEmpty }
}
