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
        // Each query word's count in the title, then in the authors; read word by word in place,
        // as every candidate a search reads is scored.
        var counts = [Int](repeating: 0, count: 2 * words.count)
        var titleLength = 0
        var beginsWithQuery = true
        Self.forEachToken(title) { range in
            for (index, word) in words.enumerated() where matches(title, range, word, prefix: isPrefix(index)) { counts[index] += 1 }
            if titleLength < words.count && !matches(title, range, words[titleLength], prefix: isPrefix(titleLength)) {
                beginsWithQuery = false
            }
            titleLength += 1
        }
        var authorsLength = 0
        Self.forEachToken(authors) { range in
            for (index, word) in words.enumerated() where matches(authors, range, word, prefix: isPrefix(index)) {
                counts[words.count + index] += 1
            }
            authorsLength += 1
        }
        let titleNorm = 1 - Self.b + Self.b * Double(titleLength) / Self.averageTitleLength
        let authorsNorm = 1 - Self.b + Self.b * Double(authorsLength) / Self.averageAuthorsLength
        var total = 0.0
        for index in words.indices {
            let weighted =
                Self.titleWeight * Double(counts[index]) / titleNorm + Self.authorsWeight * Double(counts[words.count + index])
                / authorsNorm
            total += weighted / (Self.k1 + weighted)
        }
        // A title that begins with what was typed (a person typing a title), more so when it
        // is all of it.
        if beginsWithQuery && titleLength >= words.count { total += titleLength == words.count ? 2 : 1 }
        return total
    }

    private func isPrefix(_ index: Int) -> Bool { lastIsPrefix && index == words.count - 1 }

    /// Whether the token at `range` of `text` is `word` (or starts with it, `prefix`), ASCII
    /// lowercased as `tokens` lowercases.
    private func matches(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: [UInt8], prefix: Bool) -> Bool {
        guard prefix ? range.count >= word.count : range.count == word.count else { return false }
        for offset in word.indices where Self.lowered(text[range.lowerBound + offset]) != word[offset] { return false }
        return true
    }

    /// Calls `body` with the range of each run of letters and digits, as `tokens` splits.
    static func forEachToken(_ text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var index = 0
        while index < text.count {
            guard isWordByte(text[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < text.count && isWordByte(text[index]) { index += 1 }
            body(start..<index)
        }
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

    static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
    }

    /// Runs of letters and digits (any non-ASCII byte counts as a letter), ASCII lowercased.
    static func tokens<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [[UInt8]] {
        tokenSlices(Array(bytes)).map(Array.init)
    }

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
