/// Writes papers into `papers` by identifier (a paper already there is replaced, its rowid and
/// abstract kept when none is given) and counts their words for `words`. The snapshot import
/// and the OAI-PMH sync write through it, so both store a paper the same way. The caller owns
/// the transaction and calls `flushWords` before committing it.
///
/// With `replacing`, the words of the paper a write replaces are taken away first, so a sync
/// that updates a paper again and again does not inflate its words; the bulk import does not
/// pay for that lookup.
struct PaperUpsert {
    private let insert: SQLiteStatement
    private let remove: SQLiteStatement
    private let countWords: SQLiteStatement
    private let stored: SQLiteStatement?
    private let removeEmptyWord: SQLiteStatement?
    private var words = WordCounts()

    init(_ connection: SQLiteConnection, replacing: Bool = false) throws {
        insert = try connection.prepare(
            """
            INSERT INTO papers (id, title, authors, categories, version_count, first_version_date, latest_version_date,
                update_date, doi, journal_ref, comments, withdrawn, abstract)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, authors = excluded.authors, categories = excluded.categories,
                version_count = excluded.version_count, first_version_date = excluded.first_version_date,
                latest_version_date = excluded.latest_version_date, update_date = excluded.update_date, doi = excluded.doi,
                journal_ref = excluded.journal_ref, comments = excluded.comments, withdrawn = excluded.withdrawn,
                abstract = coalesce(excluded.abstract, papers.abstract)
            """)
        remove = try connection.prepare("DELETE FROM papers WHERE id = ?")
        countWords = try connection.prepare(
            "INSERT INTO words (word, papers) VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET papers = papers + excluded.papers")
        stored = replacing ? try connection.prepare("SELECT title, authors FROM papers WHERE id = ?") : nil
        removeEmptyWord = replacing ? try connection.prepare("DELETE FROM words WHERE word = ? AND papers <= 0") : nil
    }

    /// Takes away the words of the stored paper `id`, if there is one.
    private mutating func uncountStored(id: [UInt8]) throws {
        guard let stored else { return }
        stored.reset()
        stored.bind(1, bytes: id, emptyIsNull: false)
        if try stored.step() {
            let title = stored.withBytes(0) { Array($0) }
            let authors = stored.withBytes(1) { Array($0) }
            words.remove(title: title, authors: authors)
        }
        stored.reset()
    }

    /// `abstracts`: keep the abstract (else only its first bytes were read, to tell a withdrawal).
    mutating func write(_ fields: SnapshotFields, abstracts: Bool) throws {
        try uncountStored(id: fields.id)
        insert.reset()
        insert.bind(1, bytes: fields.id)
        insert.bind(2, bytes: fields.title, emptyIsNull: false)
        insert.bind(3, bytes: fields.authors, emptyIsNull: false)
        insert.bind(4, bytes: fields.categories, emptyIsNull: false)
        insert.bind(5, fields.versionCount)
        insert.bind(6, SnapshotDate.day(fields.firstCreated))
        insert.bind(7, SnapshotDate.day(fields.latestCreated))
        insert.bind(8, bytes: fields.updateDate)
        insert.bind(9, bytes: fields.doi)
        insert.bind(10, bytes: fields.journalReference)
        insert.bind(11, bytes: fields.comments)
        insert.bind(12, fields.isWithdrawn ? 1 : 0)
        if abstracts { insert.bind(13, bytes: fields.abstract) } else { insert.bind(13, nil as String?) }
        try insert.step()
        words.add(title: fields.title, authors: fields.authors)
    }

    /// Removes the paper; true when it was there.
    mutating func delete(id: String, in connection: SQLiteConnection) throws -> Bool {
        try uncountStored(id: Array(id.utf8))
        remove.reset()
        remove.bind(1, id)
        try remove.step()
        return connection.changes > 0
    }

    mutating func flushWords() throws { try words.flush(into: countWords, removeEmpty: removeEmptyWord) }
}
