import Testing

@testable import NoteSyntax

/// `SimpleYAML` reads the front matter most notes have without Yams; whatever it reads must be
/// what Yams' nodes convert to, ranges included, and Yams must find no problem there.
@Suite struct SimpleYAMLTests {
    static let lines = [
        "layout: post", "title: \"Human flight lensing\"", "title: 'single quoted'", "category: [Reading]", "tags: [a, b c, d-e]",
        "tags: []", "tags: [ ]", "tags: [a, ]", "tags: [a,,b]", "tags: [a b , c]", "tags: [(a), x/y+z, 1.5]", "date: 2024-01-01",
        "url: https://example.org/a#b", "note: a: b", "note: a #comment", "note: a#b", "empty:", "empty:   ", "x: -5", "x: ~",
        "x: null", "x: yes", "x: \"a \\\" b\"", "x: 'it''s'", "x: \"a\" b", "x: \"a # b: c\"", "x: ']'", "x: ]", "x: a ]", "x: }",
        "x: a, b", "x: {a: b}", "x: [a: b]", "x: [\"a\"]", "x: [a] b", "x: &anchor v", "x: *alias", "x: !tag v", "x: |", "x: >",
        "x: %p", "x: @p", "x: `p`", "x: é", "x:\tv", "x: v\t", "x: v   ", "x:v", "x : v", "x y: v", "\"q\": v", "# comment", "",
        "  ", "  - item", "- item", "  - 'q'", "  - \"d\"", "  - [a]", "  -", "  -x", "    - deep", "  continued", "k.e-y_1: v",
        "Layout: post", "x: a:b", "x: ...", "x: <<", "x: a\r", "x: ''", "x: \"\"", "x: '  padded  '", "list:", "list:",
        "1: one", "_k: v", "-k: v", "x:  two  spaces", "x: a  b",
    ]

    static func compare(_ yaml: String) -> Bool? {
        let source = SourceText("---\n" + yaml + "---\n")
        let lines = source.lineIndex.lineStarts
        let start = lines[1]
        let end = lines[lines.count - 2]
        guard start <= end else { return nil }
        let fast = SimpleYAML.read(source, from: start, to: end)
        let (slow, problem) = YAMLReader.read(source.string(ByteRange(start, end)), baseLine: 1, in: source)
        guard let fast else { return false }
        #expect(problem == nil, "\(yaml.debugDescription)")
        #expect(fast == slow, "\(yaml.debugDescription)\nfast: \(fast)\nslow: \(String(describing: slow))")
        return true
    }

    /// Keys are told apart in order among a few and hashed among many (`KeySet`): a repeated
    /// key is left to Yams either way.
    @Test(arguments: [3, KeySet.linearLimit, KeySet.linearLimit + 5])
    func aRepeatedKeyIsLeftToYams(count: Int) {
        let keys = (0..<count).map { "key\($0): v\($0)\n" }.joined()
        #expect(Self.compare(keys) == true)
        #expect(Self.compare(keys + "key0: again\n") == false)
        #expect(Self.compare(keys + "key\(count - 1): again\n") == false)
    }

    @Test func readsAsYamsDoes() {
        var generator = SystemRandomNumberGenerator()
        var read = 0
        var texts: [String] = Self.lines.map { $0 + "\n" }
        for first in Self.lines {
            for second in Self.lines { texts.append(first + "\n" + second + "\n") }
        }
        for _ in 0..<4_000 {
            let count = Int.random(in: 1...7, using: &generator)
            texts.append((0..<count).map { _ in Self.lines.randomElement(using: &generator)! + "\n" }.joined())
        }
        for text in texts where Self.compare(text) == true { read += 1 }
        // The shapes most front matter has are read here, not left to Yams.
        #expect(read > texts.count / 10)
    }

    @Test func readsTheCommonShapes() {
        let common = [
            "layout: post\ntitle: \"A paper\"\ncategory: [Reading]\nexcerpt: Some text, with commas.\n",
            "title: A\ntags:\n  - one\n  - two words\ndate: 2024-01-02\n",
            "title: A\ntags:\n- one\n- 'two'\n",
            "title: A\n\nauthors: [Ada Lovelace, Alan Turing]\n",
        ]
        for text in common { #expect(Self.compare(text) == true, "\(text.debugDescription)") }
    }
}
