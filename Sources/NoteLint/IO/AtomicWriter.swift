import Foundation

/// Replaces a file's contents atomically: the bytes go to a hidden temporary file in the same
/// folder, which takes the original's permissions and is then renamed over it. A crash leaves
/// either the old file or the new one, never half of one.
public enum AtomicWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    public static func write(_ bytes: [UInt8], to requestedPath: String) throws {
        // Write through a symbolic link to its target rather than replacing the link.
        let url = URL(fileURLWithPath: requestedPath).resolvingSymlinksInPath()
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        let temporary = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).notelint-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
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
        var info = stat()
        if stat(path, &info) == 0 {
            fchmod(descriptor, info.st_mode & 0o7777)
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written, synced else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        guard rename(temporary, path) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        succeeded = true
    }
}
