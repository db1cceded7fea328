/// The fields of one snapshot line that the index keeps, as UTF-8 bytes: buffers reused from
/// line to line, so reading a line allocates nothing once they have grown. An empty field is
/// a missing one (JSON null, or no such key).
struct SnapshotFields {
    var id: [UInt8] = []
    /// Whitespace runs (arXiv keeps the submitter's line breaks) collapsed to one blank.
    var title: [UInt8] = []
    var authors: [UInt8] = []
    var categories: [UInt8] = []
    var doi: [UInt8] = []
    var journalReference: [UInt8] = []
    var comments: [UInt8] = []
    var abstract: [UInt8] = []
    var updateDate: [UInt8] = []
    /// `versions[0].created` and the last version's, as written (`Mon, 2 Apr 2007 19:18:42 GMT`).
    var firstCreated: [UInt8] = []
    var latestCreated: [UInt8] = []
    var versionCount = 0

    mutating func clear() {
        id.removeAll(keepingCapacity: true)
        title.removeAll(keepingCapacity: true)
        authors.removeAll(keepingCapacity: true)
        categories.removeAll(keepingCapacity: true)
        doi.removeAll(keepingCapacity: true)
        journalReference.removeAll(keepingCapacity: true)
        comments.removeAll(keepingCapacity: true)
        abstract.removeAll(keepingCapacity: true)
        updateDate.removeAll(keepingCapacity: true)
        firstCreated.removeAll(keepingCapacity: true)
        latestCreated.removeAll(keepingCapacity: true)
        versionCount = 0
    }

    /// The latest version is a withdrawal: its comments say so (`This paper has been
    /// withdrawn`, `withdrawn by arXiv administrators`), or the abstract, which arXiv replaces
    /// with such a notice, does.
    var isWithdrawn: Bool {
        Self.contains(comments, "withdrawn") || Self.contains(abstract.prefix(200), "has been withdrawn")
    }

    /// ASCII case-insensitive search.
    static func contains<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ word: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        let haystack = Array(bytes)
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) {
            var index = 0
            while index < needle.count && (haystack[start + index] | 0x20) == needle[index] { index += 1 }
            if index == needle.count { return true }
        }
        return false
    }
}
