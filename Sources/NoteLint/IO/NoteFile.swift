import Foundation
import NoteSyntax

/// A note's bytes as read from disk: a leading UTF-8 BOM is set aside (and put back on write),
/// so offsets and columns start at the first real character.
public struct NoteFile: Sendable {
    public static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// The largest note read: offsets are kept in 32 bits, as cmark-gfm keeps its own.
    public static let maximumSize = Int(Int32.max)
    static let tooLarge = "is 2 GB or larger: notelint reads notes under 2 GB"

    public let bytes: [UInt8]
    public let hasBOM: Bool

    public init(bytes: [UInt8], hasBOM: Bool) {
        self.bytes = bytes
        self.hasBOM = hasBOM
    }

    public static func removingBOM(_ raw: [UInt8]) -> NoteFile {
        if raw.count >= 3 && Array(raw[0..<3]) == bom { return NoteFile(bytes: Array(raw[3...]), hasBOM: true) }
        return NoteFile(bytes: raw, hasBOM: false)
    }

    public struct ReadError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public static func read(path: String) throws -> NoteFile {
        switch contents(atPath: path, limit: maximumSize) {
        case .read(let bytes): return removingBOM(bytes)
        case .missing: throw ReadError(path: path, reason: "no such file")
        case .directory: throw ReadError(path: path, reason: "is a directory")
        case .tooLarge: throw ReadError(path: path, reason: tooLarge)
        case .unreadable: throw ReadError(path: path, reason: "cannot read the file (permission denied?)")
        }
    }

    /// Text given on standard input, or why notelint cannot read it.
    public static func standardInput(_ bytes: [UInt8]) -> Result<NoteFile, ReadError> {
        guard bytes.count <= maximumSize else { return .failure(ReadError(path: "standard input", reason: tooLarge)) }
        return .success(removingBOM(bytes))
    }

    /// The file's bytes, read to its end straight into the array; nil when it cannot be opened
    /// or read. Foundation's `contents(atPath:)` and the copy out of its `Data` cost 30,000
    /// instructions for a 12 KB note.
    public static func contents(atPath path: String) -> [UInt8]? {
        guard case .read(let bytes) = contents(atPath: path, limit: .max) else { return nil }
        return bytes
    }

    private enum Contents {
        case read([UInt8])
        case missing
        case directory
        case tooLarge
        case unreadable
    }

    /// `contents(atPath:)`, with nothing read past `limit` bytes. The file is opened first and
    /// asked what it is after: a check of whether it exists was a `stat` more for every note.
    private static func contents(atPath path: String, limit: Int) -> Contents {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG].contains(errno) ? .missing : .unreadable }
        defer { close(descriptor) }
        var status = stat()
        let known = fstat(descriptor, &status) == 0
        if known && status.st_mode & S_IFMT == S_IFDIR { return .directory }
        let size = known && status.st_size > 0 ? Int(status.st_size) : 0
        // Told by its size, not read: a file of several gigabytes would fill the memory first.
        guard size <= limit else { return .tooLarge }
        // One byte more than the size, so that the read that fills it also meets the end. Read
        // into uninitialised storage: filling it with zeros first was a pass over every file.
        var bytes: [UInt8] = []
        var capacity = size + 1
        while true {
            var reachedEnd = false
            var failed = false
            let kept = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                initialized = kept.withUnsafeBufferPointer { buffer.initialize(fromContentsOf: $0) }
                while initialized < capacity {
                    let count = readFile(descriptor, buffer.baseAddress! + initialized, capacity - initialized)
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else {
                        (failed, reachedEnd) = (count < 0, count == 0)
                        return
                    }
                    initialized += count
                }
            }
            if failed { return .unreadable }
            if reachedEnd { return bytes.count <= limit ? .read(bytes) : .tooLarge }
            // A file that grows while it is read, or one that gives no size.
            if bytes.count > limit { return .tooLarge }
            capacity = max(capacity * 2, 65_536)
        }
    }

    /// The bytes to write back: the BOM restored if the file had one.
    public func fileBytes(with content: [UInt8]) -> [UInt8] { hasBOM ? NoteFile.bom + content : content }
}

/// libc's `read`, which `NoteFile.read(path:)` hides inside the type.
private func readFile(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
