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

    /// Whether the title or the authors hold the last word (as a prefix when it is one), as
    /// FTS5's tokenizer would match it (`unicode61 remove_diacritics 2`): ASCII letters as
    /// they are, Latin-1's accented letters folded (`é` matches `e`). nil when it cannot tell:
    /// no match, and letters of the other Latin blocks, which FTS5 also folds. Only for an ASCII
    /// last word.
    func holdsLastWord(title: UnsafeBufferPointer<UInt8>, authors: UnsafeBufferPointer<UInt8>) -> Bool? {
        let word = words[words.count - 1]
        var undecided = false
        for text in [title, authors] {
            guard text.contains(where: { $0 >= 0x80 }) else {
                if holds(word, in: text) { return true }
                continue
            }
            let (folded, unfoldable) = Self.foldingLatin1(text)
            if folded.withUnsafeBufferPointer({ holds(word, in: $0) }) { return true }
            undecided = undecided || unfoldable
        }
        return undecided ? nil : false
    }

    /// Latin-1's accented letters as their ASCII letter; `unfoldable` when the text holds a
    /// Latin letter without one (Æ, Ø, ß ...) or one of Latin Extended-A or -B (U+0100 to
    /// U+024F) or Latin Extended Additional.
    static func foldingLatin1(_ text: UnsafeBufferPointer<UInt8>) -> (folded: [UInt8], unfoldable: Bool) {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.count)
        var unfoldable = false
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == 0xC3 && index + 1 < text.count {
                let letter = latin1Letters[Int(text[index + 1] & 0x3F)]
                // Whether FTS5 folds Æ, Ø, ß and the like to ASCII is not decided here.
                if letter == 0x80 { unfoldable = true }
                folded.append(letter)
                index += 2
                continue
            }
            if (0xC4...0xC9).contains(byte) || (byte == 0xE1 && index + 1 < text.count && (0xB8...0xBB).contains(text[index + 1])) {
                unfoldable = true
            }
            folded.append(byte)
            index += 1
        }
        return (folded, unfoldable)
    }

    /// U+00C0 to U+00FF by their low six bits: the base letter, lowercased, where Unicode
    /// decomposes the letter; 0x80 (undecided) for Æ, Ð, Ø, Þ, ß and their lowercase; a blank
    /// for × and ÷.
    private static let latin1Letters: [UInt8] = Array(
        "aaaaaa\u{80}ceeeeiiii\u{80}nooooo \u{80}uuuuy\u{80}\u{80}aaaaaa\u{80}ceeeeiiii\u{80}nooooo \u{80}uuuuy\u{80}y".unicodeScalars.map {
            UInt8($0.value)
        })

    /// Byte by byte, without splitting the text into words: every candidate read is checked.
    private func holds(_ word: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < text.count {
            guard Self.isWordByte(text[index]) else {
                index += 1
                continue
            }
            var matched = 0
            while matched < word.count && index + matched < text.count && Self.lowered(text[index + matched]) == word[matched] {
                matched += 1
            }
            let end = index + matched
            if matched == word.count && (lastIsPrefix || end == text.count || !Self.isWordByte(text[end])) { return true }
            index = end
            while index < text.count && Self.isWordByte(text[index]) { index += 1 }
        }
        return false
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }

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
