/// One record of arXiv's OAI-PMH interface in its `arXivRaw` format, as harvested: the header's
/// datestamp and status, and the metadata fields the local index keeps, as written (line breaks
/// and runs of blanks not yet collapsed). ArxivClient reads it, ArxivIndex writes it.
public struct ArxivRawRecord: Sendable, Equatable {
    /// One `<version version="v2">`: its `<date>` (`Mon, 2 Apr 2007 19:18:42 GMT`) and `<size>`.
    public struct Version: Sendable, Equatable {
        public var name: String
        public var date: String
        public var size: String

        public init(name: String, date: String, size: String = "") {
            self.name = name
            self.date = date
            self.size = size
        }

        /// The number of `v12`; nil for another shape.
        public var number: Int? {
            guard name.first == "v" || name.first == "V" else { return nil }
            return Int(name.dropFirst())
        }
    }

    /// Without version: `2104.09864`, `hep-th/9901001`. For a deleted record, from the header's
    /// `oai:arXiv.org:` identifier.
    public var id: String
    /// The header's `<datestamp>` (`2024-05-17`): the day the record last changed.
    public var datestamp: String
    /// The header says `status="deleted"`: the record carries no metadata.
    public var isDeleted: Bool
    public var title: String
    public var authors: String
    /// Space-separated, primary first.
    public var categories: String
    public var comments: String?
    public var doi: String?
    public var journalReference: String?
    public var abstract: String?
    /// In the order the record lists them.
    public var versions: [Version]

    public init(
        id: String, datestamp: String, isDeleted: Bool = false, title: String = "", authors: String = "", categories: String = "",
        comments: String? = nil, doi: String? = nil, journalReference: String? = nil, abstract: String? = nil, versions: [Version] = []
    ) {
        self.id = id
        self.datestamp = datestamp
        self.isDeleted = isDeleted
        self.title = title
        self.authors = authors
        self.categories = categories
        self.comments = comments
        self.doi = doi
        self.journalReference = journalReference
        self.abstract = abstract
        self.versions = versions
    }

    /// The first and the latest version by number (arXiv lists them in order, but `v10` may
    /// come before `v2`); a version without a number counts as listed.
    public var firstAndLatestVersion: (first: Version, latest: Version)? {
        guard !versions.isEmpty else { return nil }
        let numbered = versions.enumerated().map { (number: $0.element.number ?? $0.offset + 1, version: $0.element) }
        let first = numbered.min { $0.number < $1.number }!.version
        let latest = numbered.max { $0.number < $1.number }!.version
        return (first, latest)
    }
}
