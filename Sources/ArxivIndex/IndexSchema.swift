/// The index's tables. `papers` holds one row per identifier (without version); `papers_fts`
/// is an FTS5 index over its title and authors that keeps no copy of the text (contentless),
/// each paper under the negative of its rowid: FTS5 reads forward lazily but reads a word's
/// whole list to go backward, and forward over negated rowids meets the newest papers first.
/// Triggers keep it in step (a bulk import builds it once at its end). `words` counts the
/// papers whose title or authors hold each word of four letters or more, to complete a partial
/// word (`WordCompletion`). `dense_papers` holds the papers of each common word and prefix in
/// chunks of bits (`DensePapers`; an index made before it gets it at its next import or sync,
/// and is searched through FTS5 alone until then). `meta` holds the schema
/// version, the snapshot import's progress and the last harvest date.
enum IndexSchema {
    static let version = 1

    static let tables = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS papers (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            authors TEXT NOT NULL,
            categories TEXT NOT NULL,
            version_count INTEGER NOT NULL,
            first_version_date TEXT,
            latest_version_date TEXT,
            update_date TEXT,
            doi TEXT,
            journal_ref TEXT,
            comments TEXT,
            withdrawn INTEGER NOT NULL,
            abstract TEXT
        );
        CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, papers INTEGER NOT NULL) WITHOUT ROWID;
        \(DensePapers.tables)
        CREATE VIRTUAL TABLE IF NOT EXISTS papers_fts USING fts5(
            title, authors, content='',
            tokenize='unicode61 remove_diacritics 2', detail='column', prefix='1 2 3'
        );
        """

    /// Keep `papers_fts` in step with `papers`. A bulk import into an empty index drops them
    /// and rebuilds the full-text index once at its end, several times faster than row by row.
    static let triggers = """
        CREATE TRIGGER IF NOT EXISTS papers_inserted AFTER INSERT ON papers BEGIN
            INSERT INTO papers_fts (rowid, title, authors) VALUES (-new.rowid, new.title, new.authors);
        END;
        CREATE TRIGGER IF NOT EXISTS papers_deleted AFTER DELETE ON papers BEGIN
            INSERT INTO papers_fts (papers_fts, rowid, title, authors) VALUES ('delete', -old.rowid, old.title, old.authors);
        END;
        CREATE TRIGGER IF NOT EXISTS papers_updated AFTER UPDATE OF title, authors ON papers BEGIN
            INSERT INTO papers_fts (papers_fts, rowid, title, authors) VALUES ('delete', -old.rowid, old.title, old.authors);
            INSERT INTO papers_fts (rowid, title, authors) VALUES (-new.rowid, new.title, new.authors);
        END;
        """

    static let dropTriggers = """
        DROP TRIGGER IF EXISTS papers_inserted; DROP TRIGGER IF EXISTS papers_deleted; DROP TRIGGER IF EXISTS papers_updated;
        """

    /// Writes the tables when they are missing; refuses an index of another schema version.
    static func prepare(_ connection: SQLiteConnection) throws {
        try connection.execute("PRAGMA synchronous = NORMAL")
        // An index that has its tables is only read here: opening one takes no write lock, so
        // a reader does not wait for an import's batches.
        if let stored = try? connection.text("SELECT value FROM meta WHERE key = 'schema_version'") {
            guard stored == String(version) else {
                throw ArxivIndexError.schema("the index has schema version \(stored); this notelint reads version \(version)")
            }
            return
        }
        try connection.execute("PRAGMA journal_mode = WAL")
        try connection.execute("BEGIN IMMEDIATE")
        do {
            try connection.execute(tables)
            if try connection.text("SELECT value FROM meta WHERE key = 'fts_deferred'") == nil { try connection.execute(triggers) }
            if let stored = try connection.text("SELECT value FROM meta WHERE key = 'schema_version'") {
                guard stored == String(version) else {
                    throw ArxivIndexError.schema("the index has schema version \(stored); this notelint reads version \(version)")
                }
            } else {
                try connection.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '\(version)')")
            }
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }
}
