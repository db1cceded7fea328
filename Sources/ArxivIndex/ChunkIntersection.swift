/// The papers of one chunk that hold every factor of a `DenseSearchPlan`, read through the
/// cursors of its keys as a search moves down the chunks, and those of them that surely hold
/// the partial last word when its factor only bounds it.
struct ChunkIntersection {
    /// The union of some keys' chunks and of the papers FTS5 matched for an expression.
    struct Factor {
        let keys: [DenseKeyCursor]
        let matched: MatchedRowsCursor?
    }

    private let factors: [Factor]
    private let exactKeys: [DenseKeyCursor]?
    private(set) var papers = PaperChunk()
    private var exact = PaperChunk()
    private var scratch = PaperChunk()

    init(factors: [Factor], exactKeys: [DenseKeyCursor]?) {
        self.factors = factors
        self.exactKeys = exactKeys
    }

    var isEmpty: Bool { factors.isEmpty }

    /// Reads chunk `number` (lower than the one before); false when no paper there holds every
    /// factor.
    mutating func load(_ number: Int) throws -> Bool {
        for (index, factor) in factors.enumerated() {
            if index == 0 {
                papers.clear()
                for cursor in factor.keys { try cursor.union(into: &papers, at: number) }
                try factor.matched?.union(into: &papers, at: number)
            } else {
                scratch.clear()
                for cursor in factor.keys { try cursor.union(into: &scratch, at: number) }
                try factor.matched?.union(into: &scratch, at: number)
                papers.formIntersection(scratch)
            }
            if papers.isEmpty { return false }
        }
        if let exactKeys {
            exact.clear()
            for cursor in exactKeys { try cursor.union(into: &exact, at: number) }
        }
        return true
    }

    /// Whether the paper, one of `papers`, surely holds the partial last word.
    func isSure(_ rowid: Int) -> Bool { exactKeys == nil || exact.contains(rowid) }
}
