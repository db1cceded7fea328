import Foundation
import Testing

@testable import NoteSyntax

/// Counts every value in a YAML tree, aliases included, without following them.
private func nodeCount(_ value: YAMLValue) -> Int {
    switch value {
    case .scalar, .alias: return 1
    case .sequence(let items, _): return 1 + items.map(nodeCount).reduce(0, +)
    case .mapping(let pairs, _): return 1 + pairs.map { nodeCount($0.key) + nodeCount($0.value) }.reduce(0, +)
    }
}

@Suite struct FrontMatterTests {
    @Test func closedWithDashes() throws {
        let note = Note("---\nlayout: post\ntags: [a, bé]\n---\n\nTitle: x\nLink: y\n")
        let frontMatter = try #require(note.frontMatter)
        #expect(frontMatter.lines == 0...3)
        #expect(frontMatter.contentLines == 1..<3)
        #expect(frontMatter.isClosed)
        #expect(frontMatter.problem == nil)
        #expect(frontMatter.pairs.map { $0.key.scalarText } == ["layout", "tags"])
        let layout = try #require(frontMatter.value(forKey: "layout"))
        #expect(layout.scalarText == "post")
        #expect(layout.range == ByteRange(12, 16))
        #expect(frontMatter.pairs[0].key.range == ByteRange(4, 10))
        let tags = try #require(frontMatter.value(forKey: "tags"))
        #expect(tags.items.map(\.scalarText) == ["a", "bé"])
        #expect(tags.items.map(\.range) == [ByteRange(24, 25), ByteRange(27, 30)])
        #expect(note.text(tags.items[1].range) == "bé")
        #expect(note.lineKinds == [.frontMatter, .frontMatter, .frontMatter, .frontMatter, .markdown, .markdown, .markdown, .markdown])
        // Lines after the front matter keep their numbers.
        #expect(note.entries.map(\.lines) == [5...6])
    }

    @Test func logseqPropertiesAreReadLineByLine() throws {
        let text = "---\ntitle: RTM3D\nauthors: [[Peixuan Li]], [[Huaici Zhao]]\npublication date: [[2020-01-10]]\nurl:\n---\n"
        let note = Note(text)
        let frontMatter = try #require(note.frontMatter)
        #expect(frontMatter.problem == nil)
        #expect(frontMatter.pairs.map { $0.key.scalarText } == ["title", "authors", "publication date", "url"])
        let authors = try #require(frontMatter.value(forKey: "authors"))
        #expect(authors.scalarText == "[[Peixuan Li]], [[Huaici Zhao]]")
        #expect(note.source.string(authors.range) == "[[Peixuan Li]], [[Huaici Zhao]]")
        #expect(frontMatter.value(forKey: "url")?.scalarText == "")
    }

    @Test func invalidYAMLWithoutWikilinksStaysInvalid() throws {
        let frontMatter = try #require(Note("---\ntitle: a: b\nauthors: x, y\n---\n").frontMatter)
        #expect(frontMatter.problem != nil)
        #expect(frontMatter.root == nil)
    }

    @Test func closedWithDots() throws {
        let frontMatter = try #require(Note("---\na: 1\n...\nb: 2\n").frontMatter)
        #expect(frontMatter.lines == 0...2)
        #expect(frontMatter.isClosed)
        #expect(frontMatter.pairs.map { $0.key.scalarText } == ["a"])
    }

    @Test func delimitersMayCarryTrailingBlanksAndCRLF() throws {
        let note = Note("---  \r\ntitle: x\r\n--- \t\r\nTitle: y\r\nLink: z\r\n")
        let frontMatter = try #require(note.frontMatter)
        #expect(frontMatter.lines == 0...2)
        #expect(frontMatter.isClosed)
        #expect(frontMatter.value(forKey: "title")?.range == ByteRange(14, 15))
        #expect(note.entries.map(\.lines) == [3...4])
    }

    /// Three dashes (or dots, to close) and blanks after them make a delimiter; nothing else does.
    @Test(arguments: [
        ("---", true), ("--- \t ", true), ("...", true), ("... ", true), ("----", false), ("--", false), ("-- -", false),
        ("-.-", false), ("---x", false), ("--- x", false), (" ---", false), ("—", false),
    ])
    func closingDelimiters(line: String, closes: Bool) throws {
        let frontMatter = try #require(Note("---\na: 1\n\(line)\nb: 2\n").frontMatter)
        #expect(frontMatter.isClosed == closes, "\(line)")
    }

    @Test func onlyTheFirstLineOpensFrontMatter() {
        #expect(Note("\n---\na: b\n---\n").frontMatter == nil)
        #expect(Note(" ---\na: b\n---\n").frontMatter == nil)
        #expect(Note("...\na: b\n...\n").frontMatter == nil)
        #expect(Note("---").frontMatter == nil)
    }

    @Test func unclosed() throws {
        let note = Note("---\ntitle: x\nmore: y\n")
        let frontMatter = try #require(note.frontMatter)
        #expect(!frontMatter.isClosed)
        // An unclosed front matter runs to the first blank line (here the empty last line).
        #expect(frontMatter.lines == 0...2)
        #expect(frontMatter.contentLines == 1..<3)
        #expect(frontMatter.root == nil)
        let problem = try #require(frontMatter.problem)
        #expect(problem.offset == 0)
        #expect(problem.message.contains("not closed"))
    }

    /// A digest that opens with a rule above its first heading has no front matter.
    @Test(arguments: [
        "---\n## 2026-10-01\n\nTitle: A\n", "---\n\ntitle: x\n", "---\nSome prose: with a colon\n",
        "---\n- item: x\n", "---\n# Title\n", "---\n  indented: x\n",
    ])
    func aRuleWithoutYAMLBelowIsNoFrontMatter(_ text: String) {
        #expect(Note(text).frontMatter == nil)
    }

    @Test(arguments: ["---\ntitle:\n", "---\n\"quoted key\": x\n", "---\ndate: 2021-04-20\n"])
    func yamlBelowAnOpeningRuleIsUnclosedFrontMatter(_ text: String) throws {
        #expect(try #require(Note(text).frontMatter).isClosed == false)
    }

    @Test func unclosedFrontMatterLinesAreNotEntriesButLaterEntriesAre() throws {
        let note = Note("---\ntitle: x\nlink: y\n\nTitle: A\nLink: https://example.org\n")
        #expect(note.frontMatter?.lines == 0...2)
        #expect(note.entries.map(\.lines) == [4...5])
    }

    @Test func invalidYAMLIsPlacedOnItsLineAndColumn() throws {
        // Line 3 (0-based 2), the colon after `c` at column 3.
        let note = Note("---\na: b\n  c: d\n---\n")
        let problem = try #require(note.frontMatter?.problem)
        #expect(note.frontMatter?.root == nil)
        #expect(problem.offset == 12)
        #expect(note.lineIndex.position(of: problem.offset, in: .utf8) == LineIndex.Position(line: 2, column: 3))
        #expect(problem.message.contains("mapping values are not allowed"))
    }

    @Test func problemColumnsCountScalarsNotBytes() throws {
        // The parser stops at `x`, the 8th character but the 9th byte of the line.
        let note = Note("---\na: \"é\" x\n---\n")
        let problem = try #require(note.frontMatter?.problem)
        #expect(problem.offset == 4 + 8)
        #expect(note.source.bytes[problem.offset] == UInt8(ascii: "x"))
    }

    @Test func problemsAtTheEndOfTheYAMLStayInsideTheFrontMatter() throws {
        let note = Note("---\ntitle: [x\n---\nbody\n")
        let problem = try #require(note.frontMatter?.problem)
        // The parser stops at the end of the YAML; the open `[` is the better place.
        #expect(problem.offset == 11)
    }

    @Test func duplicatedKeysArePlacedOnTheKey() throws {
        let note = Note("---\nlayout: x\nkey: 1\nkey: 2\n---\n")
        let problem = try #require(note.frontMatter?.problem)
        #expect(note.frontMatter?.root == nil)
        #expect(problem.message == "duplicated key 'key'")
        #expect(problem.offset == 14)
    }

    @Test func undefinedAliasAndUnterminatedQuote() throws {
        let alias = try #require(Note("---\na: *nowhere\n---\n").frontMatter?.problem)
        #expect(alias.offset == 7)
        #expect(alias.message.contains("undefined alias"))
        let quote = try #require(Note("---\na: \"open\n---\n").frontMatter?.problem)
        #expect(quote.offset == 7)
    }

    /// `**Bold:**` at the start of a block scalar's line is text, not an alias used as a key.
    @Test func boldTextInABlockScalar() throws {
        let note = Note("---\ntitle: A\nabstract: |\n  **Introduction:**\n  Text.\n\n  **Methods:** more\ndoi: x\n---\n")
        #expect(note.frontMatter?.problem == nil)
        #expect(note.frontMatter?.value(forKey: "doi")?.scalarText == "x")
        // Outside a block scalar the alias key is still refused.
        #expect(Note("---\na: |\n  text\n*b : c\n---\n").frontMatter?.problem?.message.contains("alias") == true)
    }

    @Test func tabAfterTheColon() throws {
        let note = Note("---\nlayout: post\ntitle:\t\"Title\"\n---\n")
        let title = try #require(note.frontMatter?.value(forKey: "title"))
        #expect(title.scalarText == "Title")
        #expect(note.frontMatter?.problem == nil)
        #expect(title.range == ByteRange(24, 31))
        #expect(note.text(title.range) == "\"Title\"")
    }

    @Test func scalarRangesPointAtTheValue() throws {
        let note = Note("---\nplain: some words  # comment\nquoted: 'it''s'\nempty:\nanchored: &x value\ntagged: !!str 12\n---\n")
        let frontMatter = try #require(note.frontMatter)
        func text(_ key: String) -> String? { frontMatter.value(forKey: key).map { note.text($0.range) } }
        #expect(frontMatter.value(forKey: "plain")?.scalarText == "some words")
        #expect(text("plain") == "some words")
        #expect(frontMatter.value(forKey: "quoted")?.scalarText == "it's")
        #expect(text("quoted") == "'it''s'")
        #expect(frontMatter.value(forKey: "empty")?.scalarText == "")
        #expect(frontMatter.value(forKey: "anchored")?.scalarText == "value")
        #expect(text("anchored") == "value")
        #expect(frontMatter.value(forKey: "tagged")?.scalarText == "12")
        #expect(text("tagged") == "12")
    }

    @Test func nonStringKeysDoNotCrash() throws {
        let note = Note("---\n[a]: b\n{c: 1}: d\n? [e, f]\n: g\nh: i\n---\n")
        let frontMatter = try #require(note.frontMatter)
        #expect(frontMatter.problem == nil)
        #expect(frontMatter.pairs.count == 4)
        #expect(frontMatter.pairs[0].key.items.map(\.scalarText) == ["a"])
        #expect(frontMatter.pairs[0].value.scalarText == "b")
        #expect(frontMatter.pairs[2].key.items.map(\.scalarText) == ["e", "f"])
        #expect(frontMatter.pairs[2].value.scalarText == "g")
        #expect(frontMatter.value(forKey: "a") == nil)
        #expect(frontMatter.value(forKey: "h")?.scalarText == "i")
    }

    @Test func topLevelScalarOrSequenceHasNoPairs() throws {
        let scalar = try #require(Note("---\njust text\n---\n").frontMatter)
        #expect(scalar.root?.scalarText == "just text")
        #expect(scalar.pairs.isEmpty)
        #expect(scalar.value(forKey: "just") == nil)
        let empty = try #require(Note("---\n---\n").frontMatter)
        #expect(empty.root == nil && empty.problem == nil && empty.isClosed)
        #expect(empty.contentLines == 1..<1)
    }

    @Test func aliasesAreKeptAsAliases() throws {
        let note = Note("---\nbase: &b hello\ncopy: *b\nlist: [*b, x]\n---\n")
        let frontMatter = try #require(note.frontMatter)
        #expect(frontMatter.value(forKey: "base")?.scalarText == "hello")
        let copy = try #require(frontMatter.value(forKey: "copy"))
        #expect(copy == .alias(ByteRange(25, 27)))
        #expect(note.text(copy.range) == "*b")
        let list = try #require(frontMatter.value(forKey: "list"))
        #expect(list.items.isEmpty == false)
        guard case .sequence(let items, _) = list else {
            Issue.record("not a sequence")
            return
        }
        #expect(items.count == 2)
        #expect(items.first.map { note.text($0.range) } == "*b")
        #expect(items.last?.scalarText == "x")
    }

    @Test func implicitNullsAreEmptyScalarsNotAliases() throws {
        let flow = try #require(Note("---\nm: {a: , b: c}\n---\n").frontMatter?.value(forKey: "m"))
        guard case .mapping(let pairs, _) = flow else {
            Issue.record("not a mapping")
            return
        }
        #expect(pairs.map(\.value.scalarText) == ["", "c"])
        #expect(pairs[0].value.range.isEmpty)
        // Nested explicit keys give several empty values on one mark.
        let nested = try #require(Note("---\n? ? x\n---\n").frontMatter?.root)
        guard case .mapping(let outer, _) = nested else {
            Issue.record("not a mapping")
            return
        }
        #expect(outer.count == 1)
        #expect(outer.first?.value.scalarText == "")
        guard case .mapping(let inner, _)? = outer.first?.key else {
            Issue.record("key is not a mapping")
            return
        }
        #expect(inner.map(\.key.scalarText) == ["x"])
        #expect(inner.map(\.value.scalarText) == [""])
    }

    @Test func aliasesInFlowCollectionsAfterQuotedStars() throws {
        let note = Note("---\nk: &a v\nl: [\"q *a x\", *a]  # *a\n---\n")
        guard case .sequence(let items, _)? = note.frontMatter?.value(forKey: "l") else {
            Issue.record("not a sequence")
            return
        }
        #expect(items.map { note.text($0.range) } == ["\"q *a x\"", "*a"])
        #expect(items.last.map { if case .alias = $0 { true } else { false } } == true)
    }

    /// The limit only stops a hang (an expansion would run for hours); the node count below is
    /// what shows nothing was expanded.
    @Test(.timeLimit(.minutes(10)))
    func aliasBombIsReadWithoutExpanding() throws {
        // Ten levels of ten aliases: 10^10 strings if expanded.
        let names = "abcdefghij".map(String.init)
        var lines = ["a: &a [" + Array(repeating: "\"lol\"", count: 10).joined(separator: ", ") + "]"]
        for level in 1..<names.count {
            lines.append(
                "\(names[level]): &\(names[level]) [" + Array(repeating: "*\(names[level - 1])", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("title: after the bomb")
        let text = "---\n" + lines.joined(separator: "\n") + "\n---\n"
        let note = Note(text)
        let frontMatter = try #require(note.frontMatter)
        #expect(frontMatter.problem == nil)
        // Every key survives, and each level holds its ten aliases, unexpanded.
        #expect(frontMatter.pairs.map { $0.key.scalarText } == names + ["title"])
        #expect(frontMatter.value(forKey: "title")?.scalarText == "after the bomb")
        let root = try #require(frontMatter.root)
        #expect(nodeCount(root) == 1 + 11 + 10 + 1 + 9 * (1 + 10) + 1)
        let j = try #require(frontMatter.value(forKey: "j"))
        guard case .sequence(let items, _) = j else {
            Issue.record("not a sequence")
            return
        }
        #expect(items.count == 10)
        for item in items {
            guard case .alias(let range) = item else {
                Issue.record("\(item) is not an alias")
                continue
            }
            #expect(note.text(range) == "*i")
        }
        // The aliases are the ones written on j's line, in order.
        let jLine = note.lineIndex.contentRange(ofLine: 10)
        #expect(items.map(\.range.start) == items.indices.map { jLine.start + 7 + 4 * $0 })
    }

    @Test func frontMatterLinesAreNeverEntries() {
        let note = Note("---\nTitle: x\nLink: y\n---\n")
        #expect(note.entries.isEmpty)
        #expect(note.frontMatter?.value(forKey: "Title")?.scalarText == "x")
    }
}

@Suite struct AliasKeyTests {
    /// Yams expands an alias key to hash it; a bomb there would never return.
    @Test func anAliasBombUsedAsAKeyIsRefusedQuickly() {
        var yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i", "j"]
        var previous = "a"
        for name in names {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        yaml += "? *j\n: x\ntitle: t\n---\n"
        let note = Note(yaml)
        #expect(note.frontMatter?.problem?.message == "an alias used as a mapping key (`*j`) is not supported")
        #expect(YAMLReader.aliasUsedAsKey(in: "key: *ref\nlist: [*a, *b]\n") == nil)
        #expect(YAMLReader.aliasUsedAsKey(in: "*ref : value\n")?.name == "ref")
        #expect(YAMLReader.aliasUsedAsKey(in: "{*k: v}\n")?.name == "k")
    }
}
