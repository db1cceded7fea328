/// One arXiv category: `cs.CL`, "Computation and Language".
public struct ArxivCategory: Sendable, Equatable {
    public let id: String
    public let name: String
    public let isActive: Bool
    public let archive: String
}

/// Every category arXiv has defined, active or retired, with aliases (`math.MP` is `math-ph`)
/// and retired archives (`cmp-lg` became `cs.CL`). Names are not unique (`cs.LG` and
/// `stat.ML` are both "Machine Learning"), so look names up by code, never codes by name.
public enum ArxivTaxonomy {
    private static let byID: [String: ArxivCategory] = Dictionary(
        categoryTable.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    /// Indexes into `categoryTable` (-1: empty) by the FNV-1a digest of the code's bytes, open
    /// addressed: every subject of every entry is looked up here, and hashing a String with
    /// Swift's seeded hasher cost about 500 instructions a lookup. The first category of a code
    /// wins, as a dictionary built with `uniquingKeysWith: first` keeps it.
    private static let exactTable = ExactCodeTable(codes: categoryTable.map(\.id))

    /// The category whose code is exactly `code`, found by its bytes (the case-blind
    /// dictionary takes the rest).
    static func exactCategory(_ code: String) -> ArxivCategory? {
        var code = code
        return code.withUTF8 { exactCategory(bytes: $0) }
    }

    /// The category whose code is exactly these bytes, without making a String of them.
    public static func exactCategory(bytes code: UnsafeBufferPointer<UInt8>) -> ArxivCategory? {
        exactTable.index(of: code).map { categoryTable[$0] }
    }

    public static var categories: [ArxivCategory] { categoryTable }
    public static var aliases: [String: String] { aliasTable }
    public static var subsumedArchives: [String: String] { subsumedArchiveTable }

    /// The category with this code, compared ignoring case; aliases and retired archives
    /// resolve to what they stand for only through `canonical(_:)`.
    public static func category(_ code: String) -> ArxivCategory? { exactCategory(code) ?? byID[code.lowercased()] }

    /// The code written with arXiv's own capitalisation (`cs.cl` -> `cs.CL`).
    public static func properCode(_ code: String) -> String? { category(code)?.id }

    public static func isKnown(_ code: String) -> Bool { category(code) != nil }

    /// The archives of old-style identifiers (`hep-th`, `math`, `cond-mat`, ...).
    public static let archives: Set<String> = Set(categoryTable.map(\.archive))
}
