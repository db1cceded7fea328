import ArxivKit

/// Which identifiers the index answers for. arXiv numbers papers in order within a month, so
/// a complete catalogue holds every new-style identifier up to its newest one, and every
/// old-style one (that scheme ended in March 2007). An identifier past the newest may be a
/// paper newer than the last import or sync: the index does not say it is missing. Nor does
/// an index whose first import has not finished.
struct IndexCoverage {
    let complete: Bool
    let newestNewStyle: String?

    init(_ index: ArxivIndex) throws {
        complete = try index.meta("import_state") == "done" || index.meta("last_harvest") != nil
        newestNewStyle = try index.newestNewStyleID()
    }

    func covers(_ identifier: ArxivIdentifier) -> Bool {
        guard complete else { return false }
        guard identifier.newStyleMonth != nil else { return newestNewStyle != nil }
        guard let newestNewStyle else { return false }
        // Same month, same digit count: the written order is the numeric one.
        return identifier.id < newestNewStyle
    }
}
