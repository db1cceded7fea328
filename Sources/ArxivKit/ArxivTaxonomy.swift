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
    private static let byExactID: [String: ArxivCategory] = Dictionary(
        categoryTable.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    public static var categories: [ArxivCategory] { categoryTable }
    public static var aliases: [String: String] { aliasTable }
    public static var subsumedArchives: [String: String] { subsumedArchiveTable }

    /// The category with this code, compared ignoring case; aliases and retired archives
    /// resolve to what they stand for only through `canonical(_:)`.
    public static func category(_ code: String) -> ArxivCategory? { byExactID[code] ?? byID[code.lowercased()] }

    /// The code written with arXiv's own capitalisation (`cs.cl` -> `cs.CL`).
    public static func properCode(_ code: String) -> String? { category(code)?.id }

    public static func isKnown(_ code: String) -> Bool { category(code) != nil }

    /// The archives of old-style identifiers (`hep-th`, `math`, `cond-mat`, ...).
    public static let archives: Set<String> = Set(categoryTable.map(\.archive))
}
