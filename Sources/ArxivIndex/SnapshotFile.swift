internal import CZlib
import Foundation

/// The snapshot as a stream of lines, plain or gzip-compressed (zlib tells them apart), read
/// a megabyte at a time. `offset` counts uncompressed bytes, so an import can start again
/// after the last line it committed.
final class SnapshotFile {
    let path: String
    /// The file's size on disk.
    let size: Int
    private let file: gzFile
    private var buffer: [UInt8]
    /// The unread bytes are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private var atEnd = false
    /// Uncompressed bytes before `buffer[start]`.
    private(set) var offset = 0

    init(path: String, startingAt offset: Int = 0) throws {
        self.path = path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw ArxivIndexError.unreadableSnapshot(path: path, "no such file")
        }
        size = (attributes[.size] as? Int) ?? 0
        guard let file = gzopen(path, "rb") else {
            throw ArxivIndexError.unreadableSnapshot(path: path, String(cString: strerror(errno)))
        }
        self.file = file
        gzbuffer(file, 1 << 18)
        buffer = [UInt8](repeating: 0, count: 1 << 20)
        if offset > 0 {
            // A plain file seeks; a compressed one is read up to the offset.
            guard gzseek(file, offset, SEEK_SET) == offset else {
                gzclose(file)
                throw ArxivIndexError.unreadableSnapshot(path: path, "cannot resume at byte \(offset): the file is shorter")
            }
            self.offset = offset
        }
    }

    deinit { gzclose(file) }

    /// How far into the file on disk reading has come (compressed bytes for a gzip file).
    var positionOnDisk: Int { Int(gzoffset(file)) }

    /// Calls `body` with the next line (without its line break), or returns false at the end.
    func nextLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Bool {
        while true {
            if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                let lineStart = start
                start = newline + 1
                defer { offset += newline + 1 - lineStart }
                try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[lineStart..<newline])) }
                return true
            }
            if atEnd {
                guard start < end else { return false }
                let lineStart = start
                start = end
                defer { offset += end - lineStart }
                try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[lineStart..<end])) }
                return true
            }
            try fill()
        }
    }

    /// Moves the unread bytes to the front and reads more after them; a line longer than the
    /// buffer doubles it.
    private func fill() throws {
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { pointer in
                let base = pointer.baseAddress!
                base.update(from: base + start, count: end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let read = buffer.withUnsafeMutableBufferPointer { pointer in
            gzread(file, pointer.baseAddress! + end, UInt32(pointer.count - end))
        }
        if read < 0 {
            var code: Int32 = 0
            let message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
            throw ArxivIndexError.unreadableSnapshot(path: path, message)
        }
        if read == 0 { atEnd = true }
        end += Int(read)
    }
}
