import Foundation

/// How an import runs.
public struct ImportOptions: Sendable {
    public var withAbstracts = false
    /// Lines per transaction; each commit also records how far the import has come.
    public var batchSize = 10_000
    /// Stops (as a kill would, between two batches) after this many batches: for tests.
    public var stopAfterBatches: Int?

    public init(withAbstracts: Bool = false, batchSize: Int = 10_000, stopAfterBatches: Int? = nil) {
        self.withAbstracts = withAbstracts
        self.batchSize = batchSize
        self.stopAfterBatches = stopAfterBatches
    }
}

/// How far an import has come, after each committed batch.
public struct ImportProgress: Sendable {
    /// Lines read from the snapshot, from its first line (a resumed import counts the lines it
    /// skipped).
    public let lines: Int
    /// Bytes of the file on disk read so far, and its size.
    public let bytesOnDisk: Int
    public let fileSize: Int
}

/// What an import did.
public struct ImportReport: Sendable {
    /// Papers written by this run.
    public var papers = 0
    /// Lines skipped as malformed by this run.
    public var malformed = 0
    /// The line this run started after (0 for a fresh import).
    public var resumedAfterLine = 0
    /// The snapshot's lines, when the whole file was read.
    public var lines = 0
    /// False when `stopAfterBatches` stopped it.
    public var finished = false
}

/// One malformed line: where it is and what is wrong with it.
public struct MalformedLine: Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    public let message: String

    public var description: String { "\(path):\(line):\(column): skipped a malformed line: \(message)" }
}

extension ArxivIndex {
    /// Imports arXiv's metadata snapshot (JSON lines, plain or gzip) at `path`, one
    /// transaction per batch. An import of the same file that stopped before its end
    /// continues after the last line it committed; a finished one starts over (papers are
    /// replaced, never repeated).
    public func importSnapshot(
        path: String, options: ImportOptions = ImportOptions(), progress: (ImportProgress) -> Void = { _ in },
        malformed: (MalformedLine) -> Void = { _ in }
    ) throws -> ImportReport {
        let identity = (URL(fileURLWithPath: path).resolvingSymlinksInPath().path, try snapshotSize(path))
        var report = ImportReport()
        var resumeOffset = 0
        if try meta("import_state") == "running", try meta("import_file") == identity.0, try meta("import_file_size") == String(identity.1),
            let offset = Int(try meta("import_offset") ?? ""), let line = Int(try meta("import_line") ?? "")
        {
            resumeOffset = offset
            report.resumedAfterLine = line
        }
        let file = try SnapshotFile(path: path, startingAt: resumeOffset)
        var lineNumber = report.resumedAfterLine
        try wrap {
            try connection.execute("BEGIN IMMEDIATE")
            try setMeta("import_state", "running")
            try DensePapers.markStale(connection)
            try setMeta("import_file", identity.0)
            try setMeta("import_file_size", String(identity.1))
            try setMeta("import_offset", String(resumeOffset))
            try setMeta("import_line", String(lineNumber))
            if options.withAbstracts {
                try setMeta("keeps_abstracts", "1")
            } else if try meta("keeps_abstracts") == nil, try connection.integer("SELECT count(*) FROM (SELECT 1 FROM papers LIMIT 1)") == 0
            {
                try setMeta("keeps_abstracts", "0")
            }
            // Into an empty index, the full-text index is built once, at the end.
            if resumeOffset == 0, try connection.integer("SELECT count(*) FROM (SELECT 1 FROM papers LIMIT 1)") == 0 {
                try connection.execute(IndexSchema.dropTriggers)
                try setMeta("fts_deferred", "1")
            }
            try connection.execute("COMMIT")
        }
        var upsert = try wrap { try PaperUpsert(connection) }
        let abstractLimit = options.withAbstracts ? Int.max : 200
        var fields = SnapshotFields()
        var batches = 0
        var more = true
        while more {
            try wrap {
                try connection.execute("BEGIN IMMEDIATE")
                do {
                    var inBatch = 0
                    var newestUpdate: [UInt8] = []
                    while inBatch < options.batchSize {
                        var failure: SnapshotLineParser.Malformed?
                        var blank = false
                        more = try file.nextLine { line in
                            blank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                            if blank { return }
                            do throws(SnapshotLineParser.Malformed) {
                                try SnapshotLineParser.parse(line, into: &fields, abstractLimit: abstractLimit)
                            } catch {
                                failure = error
                            }
                        }
                        guard more else { break }
                        lineNumber += 1
                        inBatch += 1
                        if blank { continue }
                        if let failure {
                            report.malformed += 1
                            malformed(MalformedLine(path: path, line: lineNumber, column: failure.column, message: failure.message))
                            continue
                        }
                        try upsert.write(fields, abstracts: options.withAbstracts)
                        if newestUpdate.lexicographicallyPrecedes(fields.updateDate) { newestUpdate = fields.updateDate }
                        report.papers += 1
                    }
                    try upsert.flushWords()
                    try recordNewestUpdate(newestUpdate)
                    try setMeta("import_offset", String(file.offset))
                    try setMeta("import_line", String(lineNumber))
                    if !more {
                        if try meta("fts_deferred") != nil {
                            // FTS5 flushes its in-memory index every `hashsize` bytes (1 MB by
                            // default); 32 MB halves the rebuild of 2.7 million titles (57 -> 30 s).
                            try connection.execute("INSERT INTO papers_fts (papers_fts, rank) VALUES ('hashsize', 33554432)")
                            try connection.execute("INSERT INTO papers_fts (papers_fts) VALUES ('delete-all')")
                            try connection.execute(
                                "INSERT INTO papers_fts (rowid, title, authors) SELECT -rowid, title, authors FROM papers ORDER BY rowid DESC"
                            )
                            // One segment instead of the flushes' many: a word's list is then read
                            // from one place, and searches take about 10% less time.
                            try connection.execute("INSERT INTO papers_fts (papers_fts) VALUES ('optimize')")
                            try connection.execute(IndexSchema.triggers)
                            try connection.execute("DELETE FROM meta WHERE key = 'fts_deferred'")
                        }
                        try DensePapers.rebuild(connection)
                        try setMeta("import_state", "done")
                        try setMeta("snapshot_imported_at", ISO8601DateFormatter().string(from: Date()))
                        try setMeta("snapshot_lines", String(lineNumber))
                    }
                    try connection.execute("COMMIT")
                } catch {
                    try? connection.execute("ROLLBACK")
                    throw error
                }
            }
            batches += 1
            progress(ImportProgress(lines: lineNumber, bytesOnDisk: file.positionOnDisk, fileSize: file.size))
            if more, let stop = options.stopAfterBatches, batches >= stop { return report }
        }
        report.lines = lineNumber
        report.finished = true
        try? wrap { try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
        return report
    }

    private func snapshotSize(_ path: String) throws -> Int {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw ArxivIndexError.unreadableSnapshot(path: path, "no such file")
        }
        return (attributes[.size] as? Int) ?? 0
    }

    /// Keeps in `meta` the newest `update_date` imported, where a first `sync` starts.
    private func recordNewestUpdate(_ day: [UInt8]) throws {
        guard !day.isEmpty else { return }
        let text = String(decoding: day, as: UTF8.self)
        if let stored = try meta("snapshot_newest_update"), stored >= text { return }
        try setMeta("snapshot_newest_update", text)
    }
}
