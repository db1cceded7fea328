/// Orders the papers a search matched, BM25F over title and authors (a title word weighs ten
/// author words; k1 1.2, b 0.75) with a bonus for a title that begins with the query.
///
/// FTS5's own `bm25()` counts, for every word of the query, the papers that hold it: a full
/// pass over the doclist of a word such as `the`, or of a one-letter prefix, at every search.
/// Every candidate here holds every word of the query (the match is an AND), so a word's
/// rarity cannot tell two candidates apart; the ranking needs term frequencies and lengths
/// only, read from the candidates themselves.
struct SearchRanking {
    static let titleWeight = 10.0
    static let authorsWeight = 1.0
    static let k1 = 1.2
    static let b = 0.75
    /// Typical lengths in words (the snapshot's titles average about ten words).
    static let averageTitleLength = 10.0
    static let averageAuthorsLength = 8.0

    /// The query's words, lowercased; the last is a prefix when `lastIsPrefix`.
    let words: [[UInt8]]
    let lastIsPrefix: Bool

    init?(query: String) {
        let tokens = Self.tokens(Array(query.utf8))
        guard !tokens.isEmpty else { return nil }
        words = tokens
        lastIsPrefix = query.utf8.last.map { Self.isWordByte($0) } ?? false
    }

    func score(title: UnsafeBufferPointer<UInt8>, authors: UnsafeBufferPointer<UInt8>) -> Double {
        let titleTokens = Self.tokens(title)
        let authorTokens = Self.tokens(authors)
        let titleNorm = 1 - Self.b + Self.b * Double(titleTokens.count) / Self.averageTitleLength
        let authorsNorm = 1 - Self.b + Self.b * Double(authorTokens.count) / Self.averageAuthorsLength
        var total = 0.0
        for (index, word) in words.enumerated() {
            let prefix = lastIsPrefix && index == words.count - 1
            let inTitle = Double(titleTokens.count { matches($0, word, prefix: prefix) })
            let inAuthors = Double(authorTokens.count { matches($0, word, prefix: prefix) })
            let weighted = Self.titleWeight * inTitle / titleNorm + Self.authorsWeight * inAuthors / authorsNorm
            total += weighted / (Self.k1 + weighted)
        }
        // A title that begins with what was typed (a person typing a title), more so when it
        // is all of it.
        if titleTokens.count >= words.count
            && words.indices.allSatisfy({ matches(titleTokens[$0], words[$0], prefix: lastIsPrefix && $0 == words.count - 1) })
        {
            total += titleTokens.count == words.count ? 2 : 1
        }
        return total
    }

    private func matches(_ token: ArraySlice<UInt8>, _ word: [UInt8], prefix: Bool) -> Bool {
        prefix ? token.starts(with: word) : token.elementsEqual(word)
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
    }

    /// Runs of letters and digits (any non-ASCII byte counts as a letter), ASCII lowercased.
    static func tokens<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [[UInt8]] {
        tokenSlices(Array(bytes)).map(Array.init)
    }

    static func tokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [ArraySlice<UInt8>] { tokenSlices(Array(bytes)) }

    private static func tokenSlices(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lowered = bytes
        for index in lowered.indices where (0x41...0x5A).contains(lowered[index]) { lowered[index] |= 0x20 }
        var result: [ArraySlice<UInt8>] = []
        var start: Int?
        for index in lowered.indices {
            if isWordByte(lowered[index]) {
                if start == nil { start = index }
            } else if let begin = start {
                result.append(lowered[begin..<index])
                start = nil
            }
        }
        if let begin = start { result.append(lowered[begin...]) }
        return result
    }
}
