import ArxivKit
import NoteInvariants
import NoteSyntax
import Testing

@testable import NoteLint

/// `FirstEntries` finds, for every entry, the first earlier entry of its section with the same
/// key, as comparing the keys as strings does: with the real slots, and with slots that all
/// collide (every lookup then goes through the comparison of earlier entries).
@Suite struct FirstEntriesTests {
    static let titles = [
        "Attention Is All You Need", "attention is all you need", "Café au lait", "Cafe\u{301} au lait", "BERT", "Bert", "Other",
    ]
    static let links = [
        "https://arxiv.org/abs/1706.03762", "https://arxiv.org/abs/1706.03762v5", "https://example.org/é", "https://example.org/e\u{301}",
        "https://example.org/a", "",
    ]

    @Test func findsWhatComparingStringsFinds() throws {
        var generator = SeededGenerator(seed: 11)
        let linter = try Linter(configuration: .defaults)
        for _ in 0..<60 {
            var text = "---\ntitle: Attention Is All You Need\nlink: https://arxiv.org/abs/1706.03762\ndate: 2017-06-12\n---\n\n"
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                if Int.random(in: 0..<6, using: &generator) == 0 { text += "## Section \(Int.random(in: 0..<3, using: &generator))\n\n" }
                text += "Title: \(Self.titles.randomElement(using: &generator)!)\n"
                text += "Link: \(Self.links.randomElement(using: &generator)!)\n\n"
            }
            let note = Note(source: SourceText(bytes: Array(text.utf8)), vocabulary: linter.vocabulary)
            let entries = linter.entryFacts(note)
            let sections = EntrySections.sections(of: entries, in: note)
            // The front matter is an entry too, which the rule never stores.
            #expect(entries.first?.entry.shape == .frontMatter)
            for key in [FirstEntries.Key.link, .title] {
                var real = FirstEntries(key, capacity: entries.count)
                var colliding = FirstEntries(key, capacity: entries.count, slot: { _, _ in 0 })
                var byString: [String: Int] = [:]
                for index in entries.indices where entries[index].entry.shape != .frontMatter {
                    var expected: Int? = nil
                    if let text = key.text(of: entries[index]) {
                        let stringKey = (sections[index].map { "\($0)|" } ?? "-|") + text
                        if let first = byString[stringKey] { expected = first } else { byString[stringKey] = index }
                    }
                    #expect(real.first(index, of: entries, sections: sections) == expected, "\(key) entry \(index)\n\(text)")
                    #expect(colliding.first(index, of: entries, sections: sections) == expected, "\(key) entry \(index), colliding")
                }
            }
        }
    }

    /// The digests folded from the values are those of the keys written out, for the titles and
    /// links above and for blanks and case in every position.
    @Test func digestsAreThoseOfTheWrittenKeys() {
        // Each byte the folding treats apart (blanks, the capitals and their neighbours, control
        // characters, DEL, non-ASCII), at every place of the eight-byte words a title is read in.
        let base = Array("abcdefghijklmnopqrstuvwx")
        var placed: [String] = []
        for special in [" ", "  ", "\t", "A", "Z", "@", "[", "`", "{", "\u{0B}", "\u{7F}", "é"] {
            for place in 0...base.count { placed.append(String(base[..<place]) + special + String(base[place...])) }
        }
        let titles =
            Self.titles + placed + [
                "  Two  \tblanks ", "\t", "UPPER lower", "K\u{212A}elvin", "a\u{0B}b", "Trailing\t", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            ]
        for title in titles {
            let written = KeyDigest.of(EntryDuplicate.titleKey(title))
            let folded = EntryDuplicate.asciiTitleDigest(title)
            #expect(folded == nil ? title.utf8.contains { $0 >= 0x80 } : folded == written, "\(title)")
        }
        for link in Self.links + ["arXiv:2104.09864v2", "https://arxiv.org/pdf/2104.09864.pdf"] {
            let arxiv = ArxivReference.parse(link)
            #expect(EntryDuplicate.linkDigest(link, arxiv: arxiv) == KeyDigest.of(EntryDuplicate.linkKey(link, arxiv: arxiv)), "\(link)")
        }
    }
}
