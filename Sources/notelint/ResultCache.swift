import Foundation
import JSONRPC
import NoteLint
import NoteSyntax
import Synchronization

/// Remembers each file's rendered report between runs, keyed by the file's content, the
/// linter's fingerprint (configuration, entry fields, today's date) and the reporters, under
/// the notelint executable's own hash; the report holds the path as printed, which must match
/// too. An unchanged tree costs a `stat` of each file. The cache is one file, replaced
/// atomically at the end of a run; a corrupt, foreign or half-written one is ignored and
/// rebuilt, never trusted. Entries for files that no longer exist are dropped.
final class ResultCache: Sendable {
    static let formatLine = "notelint-result-cache 3"

    let folder: String
    private let executableHash: String
    /// Path -> (key, encoded report), from the previous run.
    private let previous: [String: (key: String, payload: ArraySlice<UInt8>)]
    /// This run's new or changed records, and the paths whose records came from `previous` as they were.
    private let current = Mutex((records: [String: (key: String, payload: ArraySlice<UInt8>)](), hits: [String]()))

    init(folder: String) {
        self.folder = folder
        let executableHash = ResultCache.hashExecutable()
        self.executableHash = executableHash
        previous = ResultCache.load((folder as NSString).appendingPathComponent("results"), executableHash: executableHash)
    }

    /// `.notelint_cache` in the project root: the nearest folder from the current one up that
    /// holds a `.notelint.yml` or is the top of a git work tree. Outside any project, a folder
    /// of its own under `$XDG_CACHE_HOME/notelint/results` (else `~/.cache/notelint/results`),
    /// so a run in `/` or a downloads folder leaves nothing there; nil without a home.
    static func defaultFolder(environment: [String: String] = ProcessEnvironment.notelintVariables) -> String? {
        let workingDirectory = FileManager.default.currentDirectoryPath
        var folder = workingDirectory
        while true {
            for marker in [Configuration.fileName, ".git"]
            where FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(marker)) {
                return (folder as NSString).appendingPathComponent(".notelint_cache")
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { break }
            folder = parent
        }
        let userCache: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            userCache = xdg + "/notelint"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            userCache = home + "/.cache/notelint"
        } else {
            return nil
        }
        return userCache + "/results/" + StableHash.hex(Array(workingDirectory.utf8))
    }

    private var file: String { (folder as NSString).appendingPathComponent("results") }

    /// `fingerprint` is already a hash (hex digits, no `-`).
    func key(for bytes: [UInt8], fingerprint: String) -> String {
        StableHash.hex(bytes) + "-" + fingerprint
    }

    /// The report when the file's signature and the fingerprint match the record of `path`
    /// (absolute) and its report prints the path as `printedPath`, unread.
    func lookup(_ path: String, stamp: FileSignature.Stamp, fingerprint: String, printedPath: String) -> RenderedFile? {
        guard let entry = previous[path], Self.prints(entry.payload, printedPath) else { return nil }
        // `content-fingerprint-signature`, compared by its bytes around its two dashes.
        var record = entry.key
        let matches = record.withUTF8 { bytes in
            guard let first = bytes.firstIndex(of: UInt8(ascii: "-")), let last = bytes.lastIndex(of: UInt8(ascii: "-")), first < last
            else { return false }
            return stamp.isDescribed(by: bytes[(last + 1)...]) && ByteSearch.holds(fingerprint, in: bytes, from: first + 1, to: last)
        }
        guard matches, let rendered = RenderedFile(encoded: entry.payload) else { return nil }
        // The record's key is the one this run would write: it is kept as it is.
        current.withLock { $0.hits.append(path) }
        return rendered
    }

    /// The report when the record's content and fingerprint hashes are `key` and it prints the
    /// path as `printedPath`; the record takes the file's new signature.
    func lookup(_ path: String, key: String, signature: String?, printedPath: String) -> RenderedFile? {
        guard let entry = previous[path], Self.prints(entry.payload, printedPath) else { return nil }
        let record = entry.key.utf8
        guard record.starts(with: key.utf8),
            record.count == key.utf8.count || record[record.index(record.startIndex, offsetBy: key.utf8.count)] == UInt8(ascii: "-"),
            let rendered = RenderedFile(encoded: entry.payload)
        else { return nil }
        let renewed = (key: signature.map { key + "-" + $0 } ?? key, payload: entry.payload)
        current.withLock { $0.records[path] = renewed }
        return rendered
    }

    /// Whether the report `payload` encodes prints its path as `printedPath` (reports are
    /// recorded by absolute path, and a run elsewhere prints it otherwise).
    private static func prints(_ payload: ArraySlice<UInt8>, _ printedPath: String) -> Bool {
        var offset = payload.startIndex
        guard let path = readField(payload, &offset) else { return false }
        return path.elementsEqual(printedPath.utf8)
    }

    /// Keeps the report for the next run, unless it holds a NUL byte, which no record may (see
    /// `load`): such a file is linted again next time.
    func store(_ path: String, key: String, signature: String?, rendered: RenderedFile) {
        let payload = rendered.encoded[...]
        guard !Self.holdsNUL(payload) else { return }
        let record = (key: signature.map { key + "-" + $0 } ?? key, payload: payload)
        current.withLock { $0.records[path] = record }
    }

    /// Writes this run's entries, and earlier ones for files that still exist. Records are
    /// `key TAB length:path length:payload NEWLINE`, lengths in bytes, so reports need no
    /// escaping and loading slices them without parsing.
    func save() {
        var (current, hits) = self.current.withLock { ($0.records, $0.hits) }
        // Nothing new and nothing gone: the file on disk already says it all.
        if current.isEmpty && hits.count == previous.count && FileManager.default.fileExists(atPath: file) { return }
        for path in hits { current[path] = previous[path] }
        let kept = previous.filter { path, _ in current[path] == nil && FileManager.default.fileExists(atPath: path) }
        // In the paths' byte order, so that one tree always gives the same file: comparing them
        // as Strings, by Unicode's rules, cost more than writing the records.
        let order = current.map { (path: $0.key, entry: $0.value, bytes: Array($0.key.utf8)) }.sorted {
            ResultCache.precedes($0.bytes, $1.bytes)
        }
        let header = Array((ResultCache.formatLine + " " + executableHash + "\n").utf8)
        // Written a megabyte at a time: gathered whole, the file's megabytes were copied once
        // more, into memory the system had to find for them.
        func writeRecords(to descriptor: Int32) -> Bool {
            var out = header
            out.reserveCapacity(ResultCache.writeChunk + 4096)
            func flush() -> Bool {
                defer { out.removeAll(keepingCapacity: true) }
                return out.withUnsafeBytes { AtomicWriter.writeAll($0, to: descriptor) }
            }
            func append(_ path: String, _ key: String, _ payload: ArraySlice<UInt8>) -> Bool {
                out += key.utf8
                out.append(0x09)
                ResultCache.appendField(path, to: &out)
                ResultCache.appendField(payload, to: &out)
                out.append(0x0A)
                return out.count < ResultCache.writeChunk || flush()
            }
            for (path, entry, _) in order { guard append(path, entry.key, entry.payload) else { return false } }
            for (path, entry) in kept { guard append(path, entry.key, entry.payload) else { return false } }
            return flush()
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let ignore = (folder as NSString).appendingPathComponent(".gitignore")
            if !FileManager.default.fileExists(atPath: ignore) {
                try AtomicWriter.write(
                    Array("# Written by notelint: a cache, never to be committed.\n*\n".utf8), to: ignore, durably: false)
            }
            // Not forced to disk: a crash can leave a short cache, or blocks of zeros in it,
            // which `load` rejects.
            try AtomicWriter.write(to: file, durably: false, contents: writeRecords)
        } catch {
            printError("notelint: cannot write the cache in \(folder): \(error)")
        }
    }

    private static let writeChunk = 1 << 20

    /// Whether `a` sorts before `b`, byte by byte.
    private static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let common = min(a.count, b.count)
        let order =
            common == 0
            ? 0 : a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in memcmp(a.baseAddress!, b.baseAddress!, common) } }
        return order != 0 ? order < 0 : a.count < b.count
    }

    static func appendField(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        NumberText.appendDecimal(bytes.count, to: &out)
        out.append(UInt8(ascii: ":"))
        out += bytes
    }

    /// `appendField` of a string's bytes, read in its own storage.
    static func appendField(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            NumberText.appendDecimal(bytes.count, to: &out)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: bytes)
        }
    }

    /// The decimal number `field` spells (at most 12 digits); nil when it is not one.
    static func decimal(_ field: ArraySlice<UInt8>) -> Int? {
        guard !field.isEmpty, field.count <= 12 else { return nil }
        var value = 0
        for digit in field {
            guard digit >= 0x30 && digit <= 0x39 else { return nil }
            value = value * 10 + Int(digit - 0x30)
        }
        return value
    }

    /// Reads `length:bytes` at `offset` (an index of `bytes`); nil when the record is damaged.
    static func readField(_ bytes: ArraySlice<UInt8>, _ offset: inout Int) -> ArraySlice<UInt8>? {
        var length = 0
        var digits = 0
        while offset < bytes.endIndex, bytes[offset] >= 0x30, bytes[offset] <= 0x39, digits < 12 {
            length = length * 10 + Int(bytes[offset] - 0x30)
            offset += 1
            digits += 1
        }
        guard digits > 0, offset < bytes.endIndex, bytes[offset] == UInt8(ascii: ":"), offset + 1 + length <= bytes.endIndex else {
            return nil
        }
        let field = bytes[(offset + 1)..<(offset + 1 + length)]
        offset += 1 + length
        return field
    }

    private static func load(_ file: String, executableHash: String) -> [String: (key: String, payload: ArraySlice<UInt8>)] {
        var previous: [String: (key: String, payload: ArraySlice<UInt8>)] = [:]
        guard let bytes = NoteFile.contents(atPath: file) else { return previous }
        let header = Array((ResultCache.formatLine + " " + executableHash + "\n").utf8)
        // A cache from another format or another build of notelint is not trusted at all; nor
        // is one with a NUL byte, which no record holds: a crash after a write that was not
        // forced to disk can leave zeros where blocks were not written yet.
        guard bytes.starts(with: header), !holdsNUL(bytes[...]) else { return previous }
        var offset = header.count
        while offset < bytes.count {
            guard let tab = bytes[offset...].firstIndex(of: 0x09) else { return previous }
            let key = String(decoding: bytes[offset..<tab], as: UTF8.self)
            offset = tab + 1
            guard let path = ResultCache.readField(bytes[...], &offset), let payload = ResultCache.readField(bytes[...], &offset),
                offset < bytes.count, bytes[offset] == 0x0A
            else { return previous }
            offset += 1
            previous[String(decoding: path, as: UTF8.self)] = (key, payload)
        }
        return previous
    }

    static func holdsNUL(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { ByteSearch.contains(0, in: $0, from: 0, to: $0.count) }
    }

    /// The running binary's identity: its file (device and inode), size and modification time,
    /// which a rebuild or a reinstall changes. Reading and hashing the whole binary cost a warm
    /// run of 2,000 notes a tenth of its time.
    private static func hashExecutable() -> String {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 || stat(CommandLine.arguments[0], &status) == 0 else {
            return "unknown-\(Notelint.version)"
        }
        let identity =
            "\(Notelint.version) \(status.st_dev) \(status.st_ino) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        return StableHash.hex(Array(identity.utf8))
    }
}
