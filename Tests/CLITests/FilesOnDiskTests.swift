import Foundation
import TestSupport
import Testing

/// What `check --fix` does with links, read-only files, and folders that fight back.
@Suite struct FilesOnDiskTests {
    static let fixable = "Title: A  paper\nLink: https://arxiv.org/abs/2104.09864\nDate: 2021-04-20\n"

    @Test func aLinkIsWrittenThroughAndStaysALink() throws {
        let folder = try TemporaryFolder()
        try folder.write("store/real.md", Self.fixable)
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("notes"), withIntermediateDirectories: true)
        let link = folder.url.appendingPathComponent("notes/link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "../store/real.md")
        let run = try Notelint.run(["check", "--fix", "--no-cache", "notes/link.md"], in: folder.url)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../store/real.md")
        let fixed = String(decoding: folder.read("store/real.md"), as: UTF8.self)
        #expect(fixed.hasPrefix("Title: A paper\n"), "\(fixed)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("notes").path) == ["link.md"])
    }

    @Test func aReadOnlyFileIsReportedNotForced() throws {
        let folder = try TemporaryFolder()
        try folder.write("locked.md", Self.fixable)
        let path = folder.url.appendingPathComponent("locked.md").path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let run = try Notelint.run(["check", "--fix", "--no-cache", "locked.md"], in: folder.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("locked.md: cannot write: the file is read-only; it was not changed"), "\(run.stderr)")
        #expect(String(decoding: folder.read("locked.md"), as: UTF8.self) == Self.fixable)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o444)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["locked.md"])
    }

    /// Offsets are 32-bit: a note of 2 GB or more is refused by its size, before it is read
    /// (the file here is sparse: nothing is written), and the other notes are checked.
    @Test func aNoteOf2GBIsRefusedByItsSizeAndTheRestChecked() throws {
        let folder = try TemporaryFolder()
        try folder.write("notes/small.md", Self.fixable)
        try folder.write("notes/huge.md", "")
        let huge = try FileHandle(forWritingTo: folder.url.appendingPathComponent("notes/huge.md"))
        try huge.truncate(atOffset: UInt64(Int32.max) + 1)
        try huge.close()
        let run = try Notelint.run(["check", "--no-cache", "--format", "json", "notes"], in: folder.url)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("notes/huge.md: is 2 GB or larger: notelint reads notes under 2 GB"), "\(run.stderr)")
        #expect(try KillDuringFixTests.paths(in: run.stdout).contains { $0.hasSuffix("small.md") }, "\(run.stdout)")
    }

    @Test func aSymbolicLinkLoopEndsTheWalkWithEachNoteOnce() throws {
        let folder = try TemporaryFolder()
        try folder.write("notes/a/one.md", "Title: x\nLink: nowhere\n")
        try folder.write("notes/b/two.md", "Title: y\nLink: nowhere\n")
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder.url.appendingPathComponent("notes/a/up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: folder.url.appendingPathComponent("notes/b/to-a").path, withDestinationPath: "../a")
        try manager.createSymbolicLink(atPath: folder.url.appendingPathComponent("notes/self.md").path, withDestinationPath: "self.md")
        let run = try Notelint.run(["check", "--no-cache", "--format", "json", "notes"], in: folder.url)
        #expect(run.status == 1, "\(run.stderr)")
        let paths = try KillDuringFixTests.paths(in: run.stdout)
        #expect(Set(paths).count == 2, "\(Set(paths).sorted())")
        #expect(paths.contains { $0.hasSuffix("one.md") } && paths.contains { $0.hasSuffix("two.md") })
    }

    /// Root reads every folder, so the walk is run as `nobody` when the tests run as root.
    @Test func anUnreadableFolderIsReportedAndTheRestChecked() throws {
        let folder = try TemporaryFolder()
        try folder.write("notes/open/one.md", "Title: x\nLink: nowhere\n")
        try folder.write("notes/closed/two.md", "Title: y\nLink: nowhere\n")
        let closed = folder.url.appendingPathComponent("notes/closed").path
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: closed)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: closed) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.path)
        var arguments = ["check", "--no-cache", "--format", "json", "notes"]
        var executable: URL?
        if getuid() == 0 {
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", Notelint.binary.path] + arguments
            executable = URL(fileURLWithPath: "/usr/bin/setpriv")
        }
        let run = try Notelint.run(arguments, in: folder.url, executable: executable)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("notes/closed: cannot read the folder: Permission denied"), "\(run.stderr)")
        #expect(try KillDuringFixTests.paths(in: run.stdout).contains { $0.hasSuffix("open/one.md") }, "\(run.stdout)")
    }

    /// A walk over 100,000 files (1,000 of them notes, in 100 folders) finds every note.
    @Test(.timeLimit(.minutes(10))) func aWalkOverOneHundredThousandFiles() throws {
        let folder = try TemporaryFolder()
        let manager = FileManager.default
        for group in 0..<100 {
            let directory = folder.url.appendingPathComponent("notes/\(group)")
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            for index in 0..<1_000 {
                let name = index % 100 == 0 ? "note-\(index).md" : "data-\(index).txt"
                // Plain open and write: FileManager's own writes go through a temporary file each.
                let descriptor = open(directory.appendingPathComponent(name).path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                guard descriptor >= 0 else {
                    Issue.record("cannot create \(name)")
                    return
                }
                _ = write(descriptor, "Title: x\nLink: nowhere\n", 23)
                close(descriptor)
            }
        }
        let run = try Notelint.run(["check", "--no-cache", "--format", "json", "notes"], in: folder.url)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(Set(try KillDuringFixTests.paths(in: run.stdout)).count == 1_000)
    }
}
