import Foundation
import NoteLint
import TestSupport
import Testing

@Suite struct FileDiscoveryTests {
    let temporary: TemporaryFolder

    init() throws { temporary = try TemporaryFolder(prefix: "notelint-discovery") }

    @Test func gitSaysWhichPathsItIgnores() throws {
        let folder = temporary.path
        try FileManager.default.createDirectory(atPath: folder + "/build", withIntermediateDirectories: true)
        #expect(FileDiscovery.gitIgnored([folder + "/build/a.md"], in: folder).isEmpty, "outside a work tree nothing is ignored")

        try temporary.git("init", "-q")
        try Data("build/\n*.wip.md\n".utf8).write(to: URL(fileURLWithPath: folder + "/.gitignore"))
        let paths = [folder + "/build/a.md", folder + "/notes/été.wip.md", folder + "/notes/kept.md", folder + "/build/odd\"name.md"]
        #expect(FileDiscovery.gitIgnored(paths, in: folder) == [folder + "/build/a.md", folder + "/notes/été.wip.md"])
        let many = (0..<450).map { folder + "/build/n\($0).md" }
        #expect(FileDiscovery.gitIgnored(many, in: folder).count == 450)
    }

    @Test func aNoteNamedInSeveralSpellingsIsLintedOnce() throws {
        let folder = temporary.path
        try FileManager.default.createDirectory(atPath: folder + "/notes", withIntermediateDirectories: true)
        for name in ["a.md", "b.md"] { try Data("Title: A\n".utf8).write(to: URL(fileURLWithPath: folder + "/notes/" + name)) }
        let named = [folder + "/notes/a.md", folder + "/./notes/a.md", folder + "//notes//a.md", folder + "/notes/b.md"]
        let found = FileDiscovery.files(for: named)
        #expect(found.failures.isEmpty)
        #expect(found.files.map(\.path) == [folder + "/notes/a.md", folder + "/notes/b.md"])
    }

    @Test func aFolderAndAFileInItGiveTheFileOnce() throws {
        let folder = temporary.path
        try Data("Title: A\n".utf8).write(to: URL(fileURLWithPath: folder + "/a.md"))
        let found = FileDiscovery.files(for: [folder, folder + "/a.md"])
        #expect(found.files.map(\.path) == [folder + "/a.md"])
    }
}
