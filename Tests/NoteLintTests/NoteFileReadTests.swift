import Foundation
import Testing

@testable import NoteLint

/// `NoteFile.contents(atPath:)` reads with POSIX calls what Foundation's `contents(atPath:)` reads.
@Suite struct NoteFileReadTests {
    @Test func readsWhatFoundationReads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notefile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 2, 3, 4_095, 4_096, 4_097, 65_536, 70_001] {
            let path = folder.appendingPathComponent("note-\(size).md").path
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            #expect(NoteFile.contents(atPath: path) == bytes, "size \(size)")
            #expect(NoteFile.contents(atPath: path) == FileManager.default.contents(atPath: path).map { Array($0) })
        }
        #expect(NoteFile.contents(atPath: folder.appendingPathComponent("missing.md").path) == nil)
        // A file whose size says nothing of its content.
        if FileManager.default.fileExists(atPath: "/proc/self/status") {
            #expect(NoteFile.contents(atPath: "/proc/self/status")?.isEmpty == false)
        }
    }
}
