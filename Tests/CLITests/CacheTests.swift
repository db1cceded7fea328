import Foundation
import TestSupport
import Testing

/// The result cache: a warm run reports what a cold one does, and nothing stale survives a
/// change of content, configuration or cache file.
@Suite struct CacheTests {
    /// The paths the cache holds entries for (records: `key TAB len:path len:payload NEWLINE`).
    private func cachedPaths(_ folder: TemporaryFolder) -> [String] {
        let bytes = [UInt8](folder.read(".notelint_cache/results"))
        guard let headerEnd = bytes.firstIndex(of: 0x0A) else { return [] }
        var offset = headerEnd + 1
        var paths: [String] = []
        func field() -> [UInt8] {
            var length = 0
            while bytes[offset] != UInt8(ascii: ":") {
                length = length * 10 + Int(bytes[offset] - 0x30)
                offset += 1
            }
            offset += 1
            defer { offset += length }
            return Array(bytes[offset..<(offset + length)])
        }
        while offset < bytes.count {
            offset = bytes[offset...].firstIndex(of: 0x09)! + 1
            paths.append(URL(fileURLWithPath: String(decoding: field(), as: UTF8.self)).lastPathComponent)
            _ = field()
            offset += 1
        }
        return paths.sorted()
    }

    @Test func warmRunsMatchColdRunsAndChangesAreSeen() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "Title:\nLink:\n")
        try folder.write("b.md", "Title: A\nLink: https://example.org\nDate: 20 Apr. 2021\n---\n")
        let arguments = ["check", "--format", "json", "--cache-dir", ".notelint_cache", "."]
        let cold = try Notelint.run(arguments, in: folder.url)
        #expect(cachedPaths(folder) == ["a.md", "b.md"])
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
        #expect(cachedPaths(folder) == ["b.md"])
    }

    /// The counts a warm run reads back from the cache (per severity for the summary, per
    /// rule for `--statistics` and JUnit) are the cold run's.
    @Test(arguments: [["--format", "text"], ["--statistics"], ["--format", "junit"]])
    func warmRunsCountAsColdRunsDo(_ format: [String]) throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "Title:\nLink:\n\nTitle: B\nLink: https://arxiv.org/abs/2104.09864v1.pdf\nDate: 2021-13-40\n")
        try folder.write("b.md", "Title: A\nLink: https://example.org\nDate: 20 Apr. 2021\n---\n")
        let arguments = ["check"] + format + ["--cache-dir", ".notelint_cache", "."]
        let cold = try Notelint.run(arguments, in: folder.url)
        let warm = try Notelint.run(arguments, in: folder.url)
        #expect(cold.status == 1)
        #expect(!cold.stdout.isEmpty)
        #expect(warm.stdout == cold.stdout)
        #expect(warm.stderr == cold.stderr)
        #expect(warm.status == cold.status)
    }

    @Test func theCacheLivesInTheProjectRootElseInTheUsersCacheFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("project/.notelint.yml", "version: 1\n")
        try folder.write("project/notes/a.md", "Title: A\nLink: https://example.org\n")
        try folder.write("loose/b.md", "Title: B\nLink: https://example.org\n")
        let environment = ["XDG_CACHE_HOME": folder.path("user-cache")]
        _ = try Notelint.run(["check", "a.md"], in: folder.url.appendingPathComponent("project/notes"), environment: environment)
        #expect(FileManager.default.fileExists(atPath: folder.path("project/.notelint_cache/results")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("project/notes/.notelint_cache")))

        _ = try Notelint.run(["check", "b.md"], in: folder.url.appendingPathComponent("loose"), environment: environment)
        #expect(!FileManager.default.fileExists(atPath: folder.path("loose/.notelint_cache")))
        let runs = try FileManager.default.contentsOfDirectory(atPath: folder.path("user-cache/notelint/results"))
        #expect(runs.count == 1)
        #expect(FileManager.default.fileExists(atPath: folder.path("user-cache/notelint/results/\(runs.first ?? "")/results")))
    }

    @Test func aDamagedOrForeignCacheIsIgnored() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "Title:\nLink:\n")
        let arguments = ["check", "--format", "json", "--cache-dir", ".notelint_cache", "a.md"]
        let cold = try Notelint.run(arguments, in: folder.url)
        let cache = folder.url.appendingPathComponent(".notelint_cache/results")
        var bytes = [UInt8](try Data(contentsOf: cache))
        // A damaged record (its report cut short) is not trusted.
        bytes.removeLast(5)
        try Data(bytes).write(to: cache)
        #expect(try Notelint.run(arguments, in: folder.url).stdout == cold.stdout)
        try folder.write(".notelint_cache/results", "garbage\n\u{0}\u{1}\n")
        #expect(try Notelint.run(arguments, in: folder.url).stdout == cold.stdout)
        // Another build's cache (another executable hash) is ignored whole.
        _ = try Notelint.run(arguments, in: folder.url)
        var valid = [UInt8](try Data(contentsOf: cache))
        let headerEnd = valid.firstIndex(of: 0x0A)!
        valid.replaceSubrange(0..<headerEnd, with: Array("notelint-result-cache 3 0000".utf8))
        try Data(valid).write(to: cache)
        #expect(try Notelint.run(arguments, in: folder.url).stdout == cold.stdout)
    }

    /// Replaces the first `old` in the cache file with `new`, of the same length.
    private func tamper(_ folder: TemporaryFolder, _ old: [UInt8], with new: [UInt8]) throws {
        let cache = folder.url.appendingPathComponent(".notelint_cache/results")
        var bytes = [UInt8](try Data(contentsOf: cache))
        let start = try #require(bytes.indices.first { bytes[$0...].starts(with: old) })
        bytes.replaceSubrange(start..<(start + old.count), with: new)
        try Data(bytes).write(to: cache)
    }

    /// A report is served from the cache only to a run that prints the file's path the same
    /// way, and only while its text is UTF-8. The cache is tampered with to tell a served
    /// report from a new one.
    @Test func aCachedReportIsServedOnlyAsItWasPrinted() throws {
        let folder = try TemporaryFolder()
        try folder.write("é.md", "Title:\nLink:\n")
        let arguments = ["check", "--format", "json", "--cache-dir", ".notelint_cache"]
        let cold = try Notelint.run(arguments + ["é.md"], in: folder.url)
        let severity = Array("\"severity\": \"warning\"".utf8)
        let marked = Array("\"severity\": \"WARNING\"".utf8)
        try tamper(folder, severity, with: marked)
        #expect(try Notelint.run(arguments + ["é.md"], in: folder.url).stdout.contains("WARNING"))

        let elsewhere = try Notelint.run(arguments + ["./é.md"], in: folder.url)
        #expect(!elsewhere.stdout.contains("WARNING"))
        #expect(elsewhere.stdout.contains("\"path\": \"./é.md\""))
        #expect(elsewhere.stdout.replacingOccurrences(of: "./é.md", with: "é.md") == cold.stdout)

        _ = try Notelint.run(arguments + ["é.md"], in: folder.url)
        try tamper(folder, severity, with: Array(severity.prefix(13)) + [0xFF, 0xFE, 0xFF, 0xFE, 0xFF, 0xFE, 0xFF] + [UInt8(ascii: "\"")])
        #expect(try Notelint.run(arguments + ["é.md"], in: folder.url).stdout == cold.stdout)

        // Zeros where the report was, as a crash can leave a cache that was not forced to disk.
        _ = try Notelint.run(arguments + ["é.md"], in: folder.url)
        try tamper(folder, severity, with: Array(repeating: 0, count: severity.count))
        #expect(try Notelint.run(arguments + ["é.md"], in: folder.url).stdout == cold.stdout)
    }

    @Test func noCacheWritesNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "Title:\nLink:\n")
        _ = try Notelint.run(["check", "--no-cache", "--cache-dir", "cache", "a.md"], in: folder.url)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("cache").path))
    }
}
