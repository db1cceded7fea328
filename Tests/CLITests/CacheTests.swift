import Foundation
import Testing

/// The result cache: a warm run reports what a cold one does, and nothing stale survives a
/// change of content, configuration or cache file.
@Suite struct CacheTests {
    private func entries(_ folder: TemporaryFolder) -> [String] {
        String(decoding: folder.read(".notelint_cache/results"), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func warmRunsMatchColdRunsAndChangesAreSeen() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "Title:\nLink:\n")
        try folder.write("b.md", "Title: A\nLink: https://example.org\nDate: 20 Apr. 2021\n---\n")
        let arguments = ["check", "--format", "json", "--cache-dir", ".notelint_cache", "."]
        let cold = try Notelint.run(arguments, in: folder.url)
        #expect(entries(folder).count == 3, "a header and one entry per note")
        #expect(String(decoding: folder.read(".notelint_cache/.gitignore"), as: UTF8.self).contains("*"))
        let warm = try Notelint.run(arguments, in: folder.url)
        #expect(warm.stdout == cold.stdout)
        #expect(warm.status == cold.status)

        // New content is linted anew.
        try folder.write("a.md", "Title: A\nLink: https://example.org\nDate: 2020\n")
        let edited = try Notelint.run(arguments, in: folder.url)
        #expect(!edited.stdout.contains("\"path\": \"a.md\""))
        // A new configuration is not served old results.
        try folder.write(".notelint.yml", "version: 1\nrules:\n  date-format: off\n  entry-heading-trap: error\n")
        let configured = try Notelint.run(arguments, in: folder.url)
        #expect(!configured.stdout.contains("date-format"))
        #expect(configured.stdout.contains("\"severity\": \"error\""))
        // Entries of deleted files are pruned.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("a.md"))
        _ = try Notelint.run(arguments, in: folder.url)
        #expect(entries(folder).count == 2)
        #expect(!entries(folder).contains { $0.contains("a.md") })
    }

    @Test func aDamagedOrForeignCacheIsIgnored() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "Title:\nLink:\n")
        let arguments = ["check", "--format", "json", "--cache-dir", ".notelint_cache", "a.md"]
        let cold = try Notelint.run(arguments, in: folder.url)
        var lines = entries(folder)
        // Same key, but findings that point outside the file: must not be trusted.
        let fields = lines[1].split(separator: "\t", maxSplits: 2)
        lines[1] = fields[0] + "\t" + fields[1] + "\t[{\"r\":\"entry-blank\",\"s\":\"error\",\"m\":\"forged\",\"a\":[0,99999]}]"
        try folder.write(".notelint_cache/results", lines.joined(separator: "\n") + "\n")
        #expect(try Notelint.run(arguments, in: folder.url).stdout == cold.stdout)
        try folder.write(".notelint_cache/results", "garbage\n\u{0}\u{1}\n")
        #expect(try Notelint.run(arguments, in: folder.url).stdout == cold.stdout)
        // Another build's cache (another executable hash) is ignored whole.
        try folder.write(".notelint_cache/results", "notelint-result-cache 1 0000\n" + lines[1...].joined(separator: "\n") + "\n")
        #expect(try Notelint.run(arguments, in: folder.url).stdout == cold.stdout)
    }

    @Test func noCacheWritesNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "Title:\nLink:\n")
        _ = try Notelint.run(["check", "--no-cache", "--cache-dir", "cache", "a.md"], in: folder.url)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("cache").path))
    }
}
