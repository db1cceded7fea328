/// One paper as the index holds it.
public struct Paper: Sendable, Equatable {
    /// Without version: `2104.09864`, `hep-th/9901001`.
    public var id: String
    /// Whitespace collapsed, TeX kept.
    public var title: String
    /// As the snapshot writes them: `A. Smith, B. Jones and C. Lee`.
    public var authors: String
    /// Primary first.
    public var categories: [String]
    public var versionCount: Int
    /// The days of the first and the latest version (`2007-04-02`).
    public var firstVersionDate: String?
    public var latestVersionDate: String?
    public var updateDate: String?
    public var doi: String?
    public var journalReference: String?
    public var comments: String?
    /// The latest version is a withdrawal.
    public var withdrawn: Bool
    /// Only when imported `--with-abstracts`.
    public var abstract: String?

    public init(
        id: String, title: String, authors: String, categories: [String], versionCount: Int, firstVersionDate: String?,
        latestVersionDate: String?, updateDate: String?, doi: String?, journalReference: String?, comments: String?, withdrawn: Bool,
        abstract: String?
    ) {
        self.id = id
        self.title = title
        self.authors = authors
        self.categories = categories
        self.versionCount = versionCount
        self.firstVersionDate = firstVersionDate
        self.latestVersionDate = latestVersionDate
        self.updateDate = updateDate
        self.doi = doi
        self.journalReference = journalReference
        self.comments = comments
        self.withdrawn = withdrawn
        self.abstract = abstract
    }
}
