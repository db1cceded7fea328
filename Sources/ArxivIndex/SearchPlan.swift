/// How a search with a partial last word after other words finds its candidates:
/// - `scanOthers`: FTS5 matches the other words, newest first, and each paper read is checked
///   for the partial word here (`ArxivIndex.prefixFiltered`); FTS5 reads on from where the
///   scan stops, if it stops short.
/// - `matchAll`: FTS5 matches every word, the partial one through its completions or a prefix
///   index.
enum SearchPlan: Equatable {
    case scanOthers
    case matchAll
}

/// What each plan is expected to cost, in doclist entries read. FTS5 intersects word lists by
/// stepping through them (a skip within a leaf page is a walk), so matching reads about the
/// share of every list, the partial word's included, that holds the first `wanted` matches;
/// the list of a short prefix (every word starting with `t`) is most of the index. A scan reads
/// only the other words' lists, but each paper it checks is a row of `papers`.
struct SearchCosts {
    /// A row of `papers` read and checked, in doclist entries (about 2 µs against 14 ns).
    static let rowCost = 150.0

    let papers: Double
    /// The number of papers holding each other word, and a word starting with the partial one.
    let otherCounts: [Double]
    let lastCount: Double
    let scanLimit: Int
    let wanted: Int

    var othersExpected: Double { max(1, otherCounts.reduce(papers) { $0 * min(1, $1 / papers) }) }
    var lastShare: Double { max(1e-9, min(1, lastCount / papers)) }
    /// Papers expected to hold every word, the words taken as independent.
    var expectedMatches: Double { othersExpected * lastShare }

    var plan: SearchPlan { scanCost <= matchCost(from: 0, found: 0) ? .scanOthers : .matchAll }

    /// FTS5 matching every word from `start` (the share of the other words' papers already
    /// read, newest first) until `wanted` candidates are found, `found` of them already.
    func matchCost(from start: Double, found: Double, lastCount: Double? = nil) -> Double {
        let lastCount = lastCount ?? self.lastCount
        let matches = othersExpected * min(1, max(1e-9, lastCount / papers))
        let still = Double(wanted) - found
        let share = min(1 - start, still / matches)
        return max(0, share) * (otherCounts.reduce(0, +) + lastCount)
    }

    var scanCost: Double { scanCost(from: 0, found: 0, lastShare: lastShare) }

    /// The scan from `read` papers on, `found` candidates among them, with the partial word in
    /// `lastShare` of papers; FTS5 reading on if the scan reaches its limit short.
    func scanCost(from read: Double, found: Double, lastShare: Double) -> Double {
        let rows = min(read + (Double(wanted) - found) / max(lastShare, 1e-9), othersExpected, Double(scanLimit)) - read
        let cost = rows / othersExpected * otherCounts.reduce(0, +) + rows * Self.rowCost
        let end = read + rows
        guard end == Double(scanLimit) && end < othersExpected else { return cost }
        return cost + matchCost(from: end / othersExpected, found: found + rows * lastShare, lastCount: lastShare * papers)
    }

    /// Whether a scan that has read `read` papers and found `found` should leave the rest to
    /// FTS5: the share of papers holding the partial word, as seen so far, says FTS5 would
    /// read less.
    func givesUp(read: Int, found: Int) -> Bool {
        let seenShare = max(Double(found), 0.5) / Double(read)
        let start = min(1, Double(read) / othersExpected)
        return matchCost(from: start, found: Double(found), lastCount: seenShare * papers)
            < scanCost(from: Double(read), found: Double(found), lastShare: seenShare)
    }
}
