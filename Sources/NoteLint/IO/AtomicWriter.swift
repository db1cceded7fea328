import Foundation

/// Replaces a file's contents atomically: the bytes go to a hidden temporary file in the same
/// folder (a name `check` never picks up: a leading dot and a `.tmp` extension), which takes
/// the original's permissions and owner and is then renamed over it. A crash leaves either
/// the old file or the new one, never half of one.
public enum AtomicWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    /// Writes `bytes` to `requestedPath`. A symbolic link is written through: its target is
    /// replaced and the link stays a link. With `expected` (the bytes as read), a file that
    /// changed on disk since is left alone; a read-only file is never forced. Unless `durably`
    /// is false, the bytes reach the disk before the rename; a file that can be rebuilt (a
    /// cache, whose reader rejects a damaged one) skips that wait, which a run pays at its end.
    public static func write(
        _ bytes: [UInt8], to requestedPath: String, replacing expected: [UInt8]? = nil, durably: Bool = true
    ) throws {
        try write(to: requestedPath, replacing: expected, durably: durably) { descriptor in
            bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
        }
    }

    /// `write(_:to:replacing:durably:)` of what `contents` writes to the descriptor it is
    /// given (false when a write failed, with `errno` set): a file of megabytes made of many
    /// parts is written a part at a time, never gathered in memory first.
    public static func write(
        to requestedPath: String, replacing expected: [UInt8]? = nil, durably: Bool = true, contents: (Int32) -> Bool
    ) throws {
        let url = URL(fileURLWithPath: requestedPath).resolvingSymlinksInPath()
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        var info = stat()
        let exists = stat(path, &info) == 0
        // Root may write anything, so the permission bits are what say "read-only" there.
        if exists && (access(path, W_OK) != 0 || info.st_mode & 0o222 == 0) {
            throw WriteError(path: requestedPath, reason: "the file is read-only; it was not changed")
        }
        let temporary = (folder as NSString).appendingPathComponent(
            ".\(url.lastPathComponent).notelint-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        // A replacement stays private until it takes the original's mode; a new file gets the
        // mode any program's new file gets (0666 less the umask, which `open` applies).
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, exists ? 0o600 : 0o666)
        guard descriptor >= 0 else { throw WriteError(path: requestedPath, reason: String(cString: strerror(errno))) }
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        let written = contents(descriptor)
        if exists {
            fchmod(descriptor, info.st_mode & 0o7777)
            if getuid() == 0 { _ = fchown(descriptor, info.st_uid, info.st_gid) }
        }
        let synced = !durably || fsync(descriptor) == 0
        close(descriptor)
        guard written, synced else { throw WriteError(path: requestedPath, reason: String(cString: strerror(errno))) }
        // Another program (an editor, a sync client) may have saved the file since it was read:
        // its version wins. What remains is the moment between this comparison and the rename.
        if let expected, exists, FileManager.default.contents(atPath: path).map(Array.init) != expected {
            throw WriteError(path: requestedPath, reason: "the file changed on disk while it was being fixed; it was not overwritten")
        }
        guard rename(temporary, path) == 0 else { throw WriteError(path: requestedPath, reason: String(cString: strerror(errno))) }
        succeeded = true
    }

    /// Writes all of `buffer` to `descriptor`, again after a signal; false on an error.
    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }
}
