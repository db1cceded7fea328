import ArxivKit

extension SnapshotFields {
    /// Fills the fields from a harvested arXivRaw record as `SnapshotLineParser` fills them
    /// from a snapshot line, so the upsert stores both alike: every text with its runs of
    /// blanks, tabs and line breaks collapsed to one blank and none leading or trailing; the
    /// first and latest version's dates as written; the header's datestamp as `update_date`
    /// (the snapshot's `update_date` is that same day).
    mutating func fill(from record: ArxivRawRecord) {
        clear()
        Self.collapse(record.id, into: &id)
        Self.collapse(record.title, into: &title)
        Self.collapse(record.authors, into: &authors)
        Self.collapse(record.categories, into: &categories)
        Self.collapse(record.doi ?? "", into: &doi)
        Self.collapse(record.journalReference ?? "", into: &journalReference)
        Self.collapse(record.comments ?? "", into: &comments)
        Self.collapse(record.abstract ?? "", into: &abstract)
        Self.collapse(record.datestamp, into: &updateDate)
        versionCount = record.versions.count
        if let (first, latest) = record.firstAndLatestVersion {
            Self.collapse(first.date, into: &firstCreated)
            Self.collapse(latest.date, into: &latestCreated)
        }
    }

    private static func collapse(_ text: String, into target: inout [UInt8]) {
        var blanks = BlankCollapsing()
        for byte in text.utf8 { blanks.append(byte, to: &target) }
    }
}
