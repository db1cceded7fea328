import Foundation

/// The words of a batch's titles and authors (four bytes or more, ASCII lowercased, each
/// occurrence counted), added to the `words` table when the batch commits. A paper imported
/// again is counted again: the counts only order the completions of a partial word. A sync,
/// which replaces papers one at a time, takes a replaced or deleted paper's words away
/// (`remove`), and a word no paper holds any more leaves the table.
struct WordCounts {
    static let shortest = 4

    /// Above every word that begins with `prefix` and below the next: U+10FFFF in UTF-8 after it.
    static func pastEveryWord(startingWith prefix: [UInt8]) -> [UInt8] { prefix + [0xF4, 0x8F, 0xBF, 0xBF] }

    private var counts: [[UInt8]: Int] = [:]

    mutating func add(title: [UInt8], authors: [UInt8]) {
        for bytes in [title, authors] {
            for token in SearchRanking.tokens(bytes) where token.count >= Self.shortest { counts[Self.folded(token), default: 0] += 1 }
        }
    }

    mutating func remove(title: [UInt8], authors: [UInt8]) {
        for bytes in [title, authors] {
            for token in SearchRanking.tokens(bytes) where token.count >= Self.shortest { counts[Self.folded(token), default: 0] -= 1 }
        }
    }

    /// The word as FTS5's tokenizer keeps it (`remove_diacritics 2`): `Bérard` as `berard`, so
    /// that the words a partial word starts are those FTS5 would match.
    static func folded(_ token: [UInt8]) -> [UInt8] {
        guard token.contains(where: { $0 >= 0x80 }) else { return token }
        let text = String(decoding: token, as: UTF8.self).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return Array(text.utf8)
    }

    /// `removeEmpty` (`DELETE ... WHERE word = ? AND papers <= 0`) runs after a word lost papers.
    mutating func flush(into statement: SQLiteStatement, removeEmpty: SQLiteStatement? = nil) throws {
        for (word, count) in counts where count != 0 {
            statement.reset()
            statement.bind(1, bytes: word)
            statement.bind(2, count)
            try statement.step()
            if count < 0, let removeEmpty {
                removeEmpty.reset()
                removeEmpty.bind(1, bytes: word)
                try removeEmpty.step()
            }
        }
        counts.removeAll(keepingCapacity: true)
    }
}
