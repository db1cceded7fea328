import Foundation
import JSONRPC
import NoteLint
import NoteSyntax

/// Remembers each file's findings between runs, keyed by the file's content, the linter's
/// fingerprint (configuration, entry fields, today's date) and the notelint executable itself,
/// so an unchanged tree costs reading and hashing the files. The cache is one file, replaced
/// atomically at the end of a run; a corrupt, foreign or half-written one is ignored and
/// rebuilt, never trusted. Entries for files that no longer exist are dropped.
final class ResultCache: @unchecked Sendable {
    static let formatLine = "notelint-result-cache 1"

    let folder: String
    private let executableHash: String
    private let lock = NSLock()
    /// Path -> (key, findings as JSON text), from the previous run.
    private var previous: [String: (key: String, findings: Substring)] = [:]
    private var current: [String: (key: String, findings: String)] = [:]
    private(set) var hits = 0

    init(folder: String) {
        self.folder = folder
        executableHash = ResultCache.hashExecutable()
        load()
    }

    /// `.notelint_cache` at the root of the git work tree holding the current folder, or in it.
    static func defaultFolder() -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "--show-toplevel"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        var root = FileManager.default.currentDirectoryPath
        if (try? process.run()) != nil {
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if process.terminationStatus == 0 && !text.isEmpty { root = text }
        }
        return (root as NSString).appendingPathComponent(".notelint_cache")
    }

    private var file: String { (folder as NSString).appendingPathComponent("results") }

    func key(for bytes: [UInt8], fingerprint: String) -> String {
        StableHash.hex(bytes) + "-" + StableHash.hex(Array(fingerprint.utf8))
    }

    func lookup(_ path: String, key: String, in source: SourceText) -> [Diagnostic]? {
        lock.lock()
        let entry = previous[path]
        lock.unlock()
        guard let entry, entry.key == key, let json = try? JSON.parse(Data(entry.findings.utf8)),
              let diagnostics = DiagnosticCoding.decode(json, limit: source.count) else { return nil }
        lock.lock()
        hits += 1
        current[path] = (key, String(entry.findings))
        lock.unlock()
        return diagnostics
    }

    func store(_ path: String, key: String, diagnostics: [Diagnostic]) {
        let text = DiagnosticCoding.encode(diagnostics).serialized()
        lock.lock()
        current[path] = (key, text)
        lock.unlock()
    }

    /// Writes this run's entries, and earlier ones for files that still exist.
    func save() {
        var lines = [ResultCache.formatLine + " " + executableHash]
        for (path, entry) in current.sorted(by: { $0.key < $1.key }) {
            lines.append(entry.key + "\t" + JSON.string(path).serialized() + "\t" + entry.findings)
        }
        for (path, entry) in previous where current[path] == nil && FileManager.default.fileExists(atPath: path) {
            lines.append(entry.key + "\t" + JSON.string(path).serialized() + "\t" + entry.findings)
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let ignore = (folder as NSString).appendingPathComponent(".gitignore")
            if !FileManager.default.fileExists(atPath: ignore) {
                try AtomicWriter.write(Array("# Written by notelint: a cache, never to be committed.\n*\n".utf8), to: ignore)
            }
            try AtomicWriter.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: file)
        } catch {
            printError("notelint: cannot write the cache in \(folder): \(error)")
        }
    }

    private func load() {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else { return }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        // A cache from another format or another build of notelint is not trusted at all.
        guard lines.popFirst() == Substring(ResultCache.formatLine + " " + executableHash) else { return }
        for line in lines {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let path = (try? JSON.parse(Data(fields[1].utf8)))?.string else { continue }
            previous[path] = (String(fields[0]), fields[2])
        }
    }

    private static func hashExecutable() -> String {
        let path = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let resolved = FileManager.default.isExecutableFile(atPath: path) ? path : "/proc/self/exe"
        guard let data = FileManager.default.contents(atPath: resolved) else { return "unknown-\(Notelint.version)" }
        return StableHash.hex(Array(data))
    }
}

/// A fast, stable 128-bit hash (two 64-bit lanes over 8-byte words): for cache keys, not for
/// security. Swift's own Hasher is seeded per process, so it cannot key a file on disk.
enum StableHash {
    static func hex(_ bytes: [UInt8]) -> String {
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset + 8 <= buffer.count {
                let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                a = (a ^ word) &* 0xFF51_AFD7_ED55_8CCD
                a ^= a >> 33
                b = (b &+ word) &* 0xC4CE_B9FE_1A85_EC53
                b ^= b >> 29
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<buffer.count { tail = tail << 8 | UInt64(buffer[index]) }
            a = (a ^ tail) &* 0xFF51_AFD7_ED55_8CCD
            b = (b ^ (tail &+ 1)) &* 0xC4CE_B9FE_1A85_EC53
        }
        a ^= a >> 31
        b ^= b >> 27
        return String(a, radix: 16) + String(b, radix: 16)
    }
}

/// Findings to JSON and back, byte ranges as they are (the cache stores offsets, not lines).
enum DiagnosticCoding {
    static func encode(_ diagnostics: [Diagnostic]) -> JSON {
        .array(diagnostics.map { diagnostic in
            .object([
                "r": .string(diagnostic.ruleID),
                "s": .string(diagnostic.severity.rawValue),
                "m": .string(diagnostic.message),
                "a": .array([.int(diagnostic.range.start), .int(diagnostic.range.end)]),
                "l": diagnostic.related.isEmpty ? nil : .array(diagnostic.related.map {
                    .array([.int($0.range.start), .int($0.range.end), .string($0.message)])
                }),
                "f": diagnostic.fix.map { fix in
                    .array([.string(fix.title), .string(fix.applicability.rawValue),
                            .array(fix.edits.map { .array([.int($0.range.start), .int($0.range.end), .string($0.newText)]) })])
                },
                "t": diagnostic.tags.isEmpty ? nil : .array(diagnostic.tags.map { .string($0.rawValue) }),
            ])
        })
    }

    /// nil when anything is off (a foreign or damaged entry is relinted, not trusted).
    static func decode(_ json: JSON, limit: Int) -> [Diagnostic]? {
        guard let items = json.array else { return nil }
        var result: [Diagnostic] = []
        for item in items {
            guard let rule = item["r"]?.string, let severity = item["s"]?.string.flatMap(Severity.init(rawValue:)),
                  let message = item["m"]?.string, let span = byteRange(item["a"], limit: limit) else { return nil }
            var related: [RelatedLocation] = []
            for entry in item["l"]?.array ?? [] {
                guard let span = byteRange(entry, limit: limit), let text = entry[2]?.string else { return nil }
                related.append(RelatedLocation(range: span, message: text))
            }
            var fix: Fix? = nil
            if let encoded = item["f"] {
                guard let title = encoded[0]?.string, let applicability = encoded[1]?.string.flatMap(Applicability.init(rawValue:)),
                      let edits = encoded[2]?.array else { return nil }
                var decoded: [TextEdit] = []
                for edit in edits {
                    guard let span = byteRange(edit, limit: limit), let text = edit[2]?.string else { return nil }
                    decoded.append(TextEdit(range: span, newText: text))
                }
                fix = Fix(title: title, applicability: applicability, edits: decoded)
            }
            let tags = (item["t"]?.array ?? []).compactMap { $0.string.flatMap(Diagnostic.Tag.init(rawValue:)) }
            result.append(Diagnostic(ruleID: rule, severity: severity, message: message, range: span, related: related, fix: fix, tags: tags))
        }
        return result
    }

    private static func byteRange(_ json: JSON?, limit: Int) -> ByteRange? {
        guard let start = json?[0]?.int, let end = json?[1]?.int, 0 <= start, start <= end, end <= limit else { return nil }
        return ByteRange(start, end)
    }
}
