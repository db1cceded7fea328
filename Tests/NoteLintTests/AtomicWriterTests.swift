import Foundation
import NoteLint
import TestSupport
import Testing

@Suite struct AtomicWriterTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder(prefix: "notelint-writer") }

    @Test func aFileChangedSinceItWasReadIsNotOverwritten() throws {
        try folder.write("note.md", "saved by the editor meanwhile\n")
        let path = folder.path("note.md")
        do {
            try AtomicWriter.write(Array("fixed\n".utf8), to: path, replacing: Array("as read\n".utf8))
            Issue.record("the write went through")
        } catch let error as AtomicWriter.WriteError {
            #expect(error.reason == "the file changed on disk while it was being fixed; it was not overwritten")
        }
        #expect(FileManager.default.contents(atPath: path) == Data("saved by the editor meanwhile\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["note.md"])
    }

    @Test func anUnchangedFileIsReplacedKeepingItsPermissions() throws {
        try folder.write("note.md", "as read\n")
        let path = folder.path("note.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try AtomicWriter.write(Array("fixed\n".utf8), to: path, replacing: Array("as read\n".utf8))
        #expect(FileManager.default.contents(atPath: path) == Data("fixed\n".utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o640)
    }

    @Test func aNewFileGetsTheModeTheUmaskAllows() throws {
        let path = folder.path("new.yml")
        try AtomicWriter.write(Array("version: 1\n".utf8), to: path)
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let umaskLine = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
        let mask = try #require(Int(umaskLine.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o666 & ~mask)
    }
}
