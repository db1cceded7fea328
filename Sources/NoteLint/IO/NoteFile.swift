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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw ReadError(path: path, reason: "is a directory") }
        let (bytes, isTooLarge) = contents(atPath: path, limit: maximumSize)
        if isTooLarge { throw ReadError(path: path, reason: tooLarge) }
        guard let bytes else { throw ReadError(path: path, reason: "cannot read the file (permission denied?)") }
        return removingBOM(bytes)
    }

    /// Text given on standard input, or why notelint cannot read it.
    public static func standardInput(_ bytes: [UInt8]) -> Result<NoteFile, ReadError> {
        guard bytes.count <= maximumSize else { return .failure(ReadError(path: "standard input", reason: tooLarge)) }
        return .success(removingBOM(bytes))
    }

    /// The file's bytes, read to its end straight into the array; nil when it cannot be opened
    /// or read. Foundation's `contents(atPath:)` and the copy out of its `Data` cost 30,000
    /// instructions for a 12 KB note.
    public static func contents(atPath path: String) -> [UInt8]? { contents(atPath: path, limit: .max).bytes }

    /// `contents(atPath:)`, with nothing read past `limit` bytes: then `isTooLarge`.
    private static func contents(atPath path: String, limit: Int) -> (bytes: [UInt8]?, isTooLarge: Bool) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return (nil, false) }
        defer { close(descriptor) }
        var status = stat()
        let size = fstat(descriptor, &status) == 0 && status.st_size > 0 ? Int(status.st_size) : 0
        // Told by its size, not read: a file of several gigabytes would fill the memory first.
        guard size <= limit else { return (nil, true) }
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
            if failed { return (nil, false) }
            if reachedEnd { return bytes.count <= limit ? (bytes, false) : (nil, true) }
            // A file that grows while it is read, or one that gives no size.
            if bytes.count > limit { return (nil, true) }
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
