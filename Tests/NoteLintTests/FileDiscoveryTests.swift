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

    @Test func aWorkTreeGivesItsTrackedAndUntrackedNotesButNotDeletedOnes() throws {
        let folder = temporary.path
        for name in ["kept.md", "gone.md", "sub/changed.md", "sub/gone too.md", "ignored.md"] {
            try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
            try Data("Title: A\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try Data("ignored.md\n".utf8).write(to: URL(fileURLWithPath: folder + "/.gitignore"))
        try temporary.git("init", "-q")
        try temporary.git("add", "kept.md", "gone.md", "sub/changed.md", "sub/gone too.md")
        try temporary.git("commit", "-q", "-m", "notes")
        try FileManager.default.removeItem(atPath: folder + "/gone.md")
        try FileManager.default.removeItem(atPath: folder + "/sub/gone too.md")
        try Data("Title: B\n".utf8).write(to: URL(fileURLWithPath: folder + "/sub/changed.md"))
        try Data("Title: C\n".utf8).write(to: URL(fileURLWithPath: folder + "/new.md"))
        let found = FileDiscovery.files(for: [folder])
        #expect(found.failures.isEmpty)
        #expect(found.files.map(\.path) == ["kept.md", "new.md", "sub/changed.md"].map { folder + "/" + $0 })
    }

    @Test func notesAreKnownByTheirExtensionInAnyCaseAndHiddenPartsByALeadingDot() {
        let notes = ["a.md", "A.MD", "x/b.Markdown", "x.y/c.md", "é/ü.md"]
        let others = [".md", "x/.md", "a.md/b", "a.mdx", "a.txt", "a.", "a", "x.md/", "markdown"]
        #expect(notes.filter { !FileDiscovery.isNote($0) } == [])
        #expect(others.filter(FileDiscovery.isNote) == [])
        let hidden = [".a/b.md", "a/.b/c.md", "a/b/.c.md", ".md"]
        let shown = ["a/b.md", "a./b.md", "a/b.c.md", "é/ü.md"]
        #expect(hidden.filter { !FileDiscovery.isHidden($0) } == [])
        #expect(shown.filter(FileDiscovery.isHidden) == [])
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
