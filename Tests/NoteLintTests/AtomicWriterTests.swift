import Foundation
import NoteLint
import Testing

@Suite struct AtomicWriterTests {
    private func temporaryFile(_ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("note.md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aFileChangedSinceItWasReadIsNotOverwritten() throws {
        let path = try temporaryFile("saved by the editor meanwhile\n")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        do {
            try AtomicWriter.write(Array("fixed\n".utf8), to: path, replacing: Array("as read\n".utf8))
            Issue.record("the write went through")
        } catch let error as AtomicWriter.WriteError {
            #expect(error.reason == "the file changed on disk while it was being fixed; it was not overwritten")
        }
        #expect(FileManager.default.contents(atPath: path) == Data("saved by the editor meanwhile\n".utf8))
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["note.md"])
    }

    @Test func anUnchangedFileIsReplacedKeepingItsPermissions() throws {
        let path = try temporaryFile("as read\n")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try AtomicWriter.write(Array("fixed\n".utf8), to: path, replacing: Array("as read\n".utf8))
        #expect(FileManager.default.contents(atPath: path) == Data("fixed\n".utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o640)
    }
}
