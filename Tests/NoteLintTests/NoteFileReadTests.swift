import Foundation
import NoteLint
import Testing

@Suite struct NoteFileReadTests {
    /// One `open` tells a note, a missing path and a folder apart, with the reason each error names.
    @Test func aNoteAMissingPathAndAFolderAreToldApart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-read-\(getpid())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub.md"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let note = folder.appendingPathComponent("a.md").path
        try Data(NoteFile.bom + Array("Title: A\n".utf8)).write(to: URL(fileURLWithPath: note))
        let read = try NoteFile.read(path: note)
        #expect(read.bytes == Array("Title: A\n".utf8))
        #expect(read.hasBOM)
        #expect(NoteFile.contents(atPath: note) == NoteFile.bom + Array("Title: A\n".utf8))

        func reason(_ path: String) -> String? {
            do {
                _ = try NoteFile.read(path: path)
                return nil
            } catch let error as NoteFile.ReadError {
                return error.reason
            } catch {
                return "\(error)"
            }
        }
        #expect(reason(folder.appendingPathComponent("missing.md").path) == "no such file")
        #expect(reason(note + "/under-a-file.md") == "no such file")
        #expect(reason(folder.appendingPathComponent("sub.md").path) == "is a directory")
        #expect(NoteFile.contents(atPath: folder.appendingPathComponent("sub.md").path) == nil)
    }
}
