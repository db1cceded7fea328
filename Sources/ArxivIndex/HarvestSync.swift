import ArxivKit

/// Where an OAI-PMH sync stands, as `meta` records it after each committed page.
public struct SyncState: Sendable, Equatable {
    /// True from the start of a sync until its last page is committed.
    public var isRunning: Bool
    /// The day the list was asked from (`sync_from`).
    public var from: String?
    /// The token that asks for the page after the last committed one (`sync_token`).
    public var token: String?
    /// The UTC day of the sync's first answer (`sync_response_day`): the next `last_harvest`.
    public var responseDay: String?
    /// Pages and records committed by this sync, over all its runs.
    public var pages: Int
    public var records: Int
}

/// What one committed page changed.
public struct HarvestPageReport: Sendable, Equatable {
    /// Papers inserted or replaced.
    public var written = 0
    /// Deleted records whose paper was in the index, and is no more.
    public var deleted = 0
}

extension ArxivIndex {
    /// The sync recorded in `meta`; nil before the first sync.
    public func syncState() throws -> SyncState? {
        guard let state = try meta("sync_state") else { return nil }
        return SyncState(
            isRunning: state == "running", from: try meta("sync_from"), token: try meta("sync_token"),
            responseDay: try meta("sync_response_day"), pages: Int(try meta("sync_pages") ?? "") ?? 0,
            records: Int(try meta("sync_records") ?? "") ?? 0)
    }

    /// The day a sync without `--from` asks from: the last harvest's, else the newest
    /// `update_date` the snapshot import saw (computed once and kept, for an index imported
    /// before the import recorded it); nil for an empty index.
    public func harvestStartDay() throws -> String? {
        if let last = try meta("last_harvest") { return last }
        if let newest = try meta("snapshot_newest_update") { return newest }
        return try wrap {
            guard let newest = try connection.text("SELECT max(update_date) FROM papers") else { return nil }
            try setMeta("snapshot_newest_update", newest)
            return newest
        }
    }

    /// Whether the index keeps abstracts (an import `--with-abstracts` made it so); worked out
    /// once from the papers for an index imported before that was recorded.
    public var keepsAbstracts: Bool {
        get throws {
            if let kept = try meta("keeps_abstracts") { return kept == "1" }
            return try wrap {
                let kept = try connection.integer("SELECT count(*) FROM (SELECT 1 FROM papers WHERE abstract IS NOT NULL LIMIT 1)") > 0
                try setMeta("keeps_abstracts", kept ? "1" : "0")
                return kept
            }
        }
    }

    /// Starts a sync from `day`: forgets the token and counts of any earlier one (an expired
    /// token restarts the same sync from its day; the first answer's day is kept then).
    public func beginSync(from day: String) throws {
        try inTransaction {
            try refuseDuringImport()
            if try meta("sync_state") != "running" || (try meta("sync_from")) != day {
                try connection.execute(
                    "DELETE FROM meta WHERE key IN ('sync_token', 'sync_response_day', 'sync_pages', 'sync_records')")
            } else {
                try connection.execute("DELETE FROM meta WHERE key = 'sync_token'")
            }
            try setMeta("sync_state", "running")
            try setMeta("sync_from", day)
        }
    }

    /// Writes one page in one transaction: its papers (upserted by identifier, deleted records
    /// removed) and where the sync stands, so a killed sync resumes after the last committed
    /// page. `nextToken` nil or empty completes the sync: `last_harvest` becomes the day of the
    /// sync's first answer (`responseDay` of its first page), never the local clock's.
    public func commitHarvestPage(_ records: [ArxivRawRecord], nextToken: String?, responseDay: String?) throws -> HarvestPageReport {
        let abstracts = try keepsAbstracts
        var report = HarvestPageReport()
        try inTransaction {
            try refuseDuringImport()
            guard try meta("sync_state") == "running" else { throw ArxivIndexError.schema("no sync is running in \(path)") }
            try DensePapers.markStale(connection)
            var upsert = try PaperUpsert(connection, replacing: true)
            var fields = SnapshotFields()
            for record in records {
                if record.isDeleted {
                    if try upsert.delete(id: record.id, in: connection) { report.deleted += 1 }
                } else {
                    fields.fill(from: record)
                    try upsert.write(fields, abstracts: abstracts)
                    report.written += 1
                }
            }
            try upsert.flushWords()
            if try meta("sync_response_day") == nil, let responseDay { try setMeta("sync_response_day", responseDay) }
            try setMeta("sync_pages", String((Int(try meta("sync_pages") ?? "") ?? 0) + 1))
            try setMeta("sync_records", String((Int(try meta("sync_records") ?? "") ?? 0) + records.count))
            if let nextToken, !nextToken.isEmpty {
                try setMeta("sync_token", nextToken)
            } else {
                try connection.execute("DELETE FROM meta WHERE key = 'sync_token'")
                if let day = try meta("sync_response_day") ?? meta("sync_from") { try setMeta("last_harvest", day) }
                try setMeta("sync_state", "done")
                try DensePapers.rebuild(connection)
            }
        }
        return report
    }

    private func inTransaction(_ body: () throws -> Void) throws {
        try wrap {
            try connection.execute("BEGIN IMMEDIATE")
            do {
                try body()
                try connection.execute("COMMIT")
            } catch {
                try? connection.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// An import that has not finished may have dropped the full-text triggers: a sync then
    /// would leave papers the search cannot find.
    private func refuseDuringImport() throws {
        if try meta("import_state") == "running" || meta("fts_deferred") != nil {
            throw ArxivIndexError.unfinishedImport(file: try meta("import_file") ?? "the snapshot")
        }
    }
}
