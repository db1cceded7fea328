import Foundation
import NoteLint
import Testing

@Suite struct GitIgnoredTests {
    func run(_ arguments: [String], in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(arguments) failed")
    }

    @Test func gitSaysWhichPathsItIgnores() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-gitignored-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/build", withIntermediateDirectories: true)
        #expect(FileDiscovery.gitIgnored([folder + "/build/a.md"], in: folder).isEmpty, "outside a work tree nothing is ignored")

        try run(["git", "init", "-q", "."], in: folder)
        try Data("build/\n*.wip.md\n".utf8).write(to: URL(fileURLWithPath: folder + "/.gitignore"))
        let paths = [folder + "/build/a.md", folder + "/notes/été.wip.md", folder + "/notes/kept.md", folder + "/build/odd\"name.md"]
        #expect(FileDiscovery.gitIgnored(paths, in: folder) == [folder + "/build/a.md", folder + "/notes/été.wip.md"])
        let many = (0..<450).map { folder + "/build/n\($0).md" }
        #expect(FileDiscovery.gitIgnored(many, in: folder).count == 450)
    }
}
