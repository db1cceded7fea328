import Foundation
import NoteLint
import Testing

@Suite struct PathPartsTests {
    static let paths = [
        "notes/a.md", "a.md", "/a.md", "/", "notes/", "./a.md", "../x/y/z.markdown", "/abs/path/Note.MD", "a/.md", ".md",
        "dir.v2/file", "dir.v2/file.tar.gz", "é/ü.md", "a/b/",
    ]

    @Test(arguments: paths)
    func aFoldersIsWhatFoundationSays(path: String) {
        #expect(PathParts.folder(of: path) == (path as NSString).deletingLastPathComponent)
    }

    @Test(arguments: paths)
    func aNoteIsKnownByTheExtensionFoundationSees(path: String) {
        #expect(FileDiscovery.isNote(path) == ["md", "markdown"].contains((path as NSString).pathExtension.lowercased()))
    }

    @Test func aFolderIsToldWithoutMakingIt() {
        let folders = Set(Self.paths.map(PathParts.folder(of:))).union(["", "/", "a", "a/b/", "notes/", "//", "dir.v2/"])
        for path in Self.paths + ["a//b.md", "//a.md", "a/b//", "b.md/"] {
            for folder in folders {
                #expect(PathParts.isFolder(folder, of: path) == (PathParts.folder(of: path) == folder), "\(folder) of \(path)")
            }
        }
    }

    @Test func joiningPutsOneSlashBetween() {
        #expect(PathParts.join("notes", "a.md") == "notes/a.md")
        #expect(PathParts.join("notes/", "a.md") == "notes/a.md")
        #expect(PathParts.join("/", "a.md") == "/a.md")
        #expect(PathParts.join("", "a.md") == "a.md")
    }
}
