import Foundation
import TestSupport
import Testing

/// `--fix` on a copy of every fixture: the result matches a golden, a second run changes
/// nothing, and line endings, byte order marks and permissions survive.
@Suite struct FixTests {
    static let fixtures: [String] = {
        let folder = PackagePaths.url("fixtures")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }()

    @Test(arguments: fixtures)
    func fixIsIdempotentAndKeepsTheFileShape(_ name: String) throws {
        let original = try Data(contentsOf: PackagePaths.url("fixtures/\(name)"))
        let folder = try TemporaryFolder()
        try folder.write(name, original)
        let path = folder.url.appendingPathComponent(name).path
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)

        _ = try Notelint.run(["check", "--fix", "--unsafe-fixes", name], in: folder.url)
        let once = folder.read(name)
        #expect(try Golden.matches(once, file: "fixtures/expected/fixed/\(name).fixed"))
        _ = try Notelint.run(["check", "--fix", "--unsafe-fixes", name], in: folder.url)
        #expect(folder.read(name) == once, "a second --fix changed the file")

        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(original.starts(with: [0xEF, 0xBB, 0xBF]) == once.starts(with: [0xEF, 0xBB, 0xBF]))
        let crlf = original.firstIndex(of: 0x0A).map { $0 > 0 && original[$0 - 1] == 0x0D } ?? false
        let bytes = [UInt8](once)
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect((index > 0 && bytes[index - 1] == 0x0D) == crlf, "line ending changed at byte \(index)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("notelint-") }
        #expect(leftovers.isEmpty, "temporary files left behind: \(leftovers)")
    }

    @Test func safeFixesOnlyByDefault() throws {
        let folder = try TemporaryFolder()
        let text = "Title: A\nLink: https://example.org\nDate: 2020\n---\n\nTitle:\nLink:\n"
        try folder.write("note.md", text)
        let run = try Notelint.run(["check", "--fix", "--color", "never", "note.md"], in: folder.url)
        #expect(
            String(decoding: folder.read("note.md"), as: UTF8.self)
                == "Title: A\nLink: https://example.org\nDate: 2020\n\n---\n\nTitle:\nLink:\n")
        #expect(run.stdout.contains("entry-blank"), "the unsafe finding remains and is reported")
        #expect(run.stdout.contains("fixed 1 finding"))
    }

    @Test func diffPrintsWithoutWriting() throws {
        let folder = try TemporaryFolder()
        let text = "Title: A\nLink: https://example.org\nDate: 2020\n---\n"
        try folder.write("note.md", text)
        let run = try Notelint.run(["check", "--diff", "note.md"], in: folder.url)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                --- note.md
                +++ note.md
                @@ -1,4 +1,5 @@
                 Title: A
                 Link: https://example.org
                 Date: 2020
                +
                 ---

                """)
        #expect(String(decoding: folder.read("note.md"), as: UTF8.self) == text)
        let absolute = folder.path("note.md")
        let named = try Notelint.run(["check", "--diff", absolute], in: folder.url)
        #expect(named.stdout.hasPrefix("--- \(absolute)\n+++ \(absolute)\n@@ -1,4 +1,5 @@\n"))
        try folder.write("clean.md", "Title: A\nLink: https://example.org\nDate: 2020\n")
        let clean = try Notelint.run(["check", "--diff", "clean.md"], in: folder.url)
        #expect(clean.status == 0)
        #expect(clean.stdout == "")
    }

    @Test func fixWritesThroughSymbolicLinks() throws {
        let folder = try TemporaryFolder()
        try folder.write("real.md", "Title: A\nLink: https://example.org\nDate: 2020\n---\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("link.md").path, withDestinationPath: "real.md")
        _ = try Notelint.run(["check", "--fix", "link.md"], in: folder.url)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent("link.md").path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(String(decoding: folder.read("real.md"), as: UTF8.self).hasSuffix("2020\n\n---\n"))
    }
}
