import Testing

@testable import NoteSyntax

@Suite struct FootnoteTests {
    @Test func referencesAndDefinitions() throws {
        let note = Note("Text.[^one] More[^Two].\n\n[^one]: First.\n[^Two]: https://example.org\n")
        #expect(note.footnotes.references.map(\.label) == ["one", "Two"])
        #expect(note.footnotes.references.map(\.range) == [ByteRange(5, 11), ByteRange(16, 22)])
        #expect(note.footnotes.references.map { note.text($0.range) } == ["[^one]", "[^Two]"])
        let definitions = note.footnotes.definitions
        #expect(definitions.map(\.label) == ["one", "Two"])
        #expect(definitions.map(\.lines) == [2...2, 3...3])
        #expect(definitions.map(\.markerRange) == [ByteRange(25, 32), ByteRange(40, 47)])
        #expect(definitions.map { note.text($0.textRange) } == ["First.", "https://example.org"])
        #expect(definitions.allSatisfy { !$0.isEmpty })
    }

    @Test func labelsFoldCaseAndWhitespace() {
        #expect(Footnotes.key(for: "Foo  Bar") == "foo bar")
        #expect(Footnotes.key(for: " A\tb ") == "a b")
        let note = Note("See[^Foo  BAR].\n\n[^foo bar]: Def.\n")
        #expect(note.footnotes.references.map(\.key) == ["foo bar"])
        #expect(note.footnotes.definitions.map(\.key) == ["foo bar"])
        #expect(note.footnotes.references.first?.label == "Foo  BAR")
    }

    /// Labels that are already their key come back as they are; the others still fold.
    @Test(arguments: ["1", "note-2", "a b", "x_y.z", "a  b", "a\tb", " a", "a ", "Ab", "Émile", "é", ""])
    func keyIsTheFoldedLabel(label: String) {
        let folded = label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        #expect(Footnotes.key(for: label) == folded)
    }

    @Test func referencesInCodeAndHTMLAreIgnored() {
        let text = """
            Real[^a] `[^span]` ``a ` [^double] `` <span title="[^attr]">x</span> <!-- [^comment] --> \\[^escaped]

            ```
            [^fenced]
            ```

                [^indented]

            <div>
            [^block]
            </div>

            [^a]: Def.
            """
        let note = Note(text)
        #expect(note.footnotes.references.map(\.label) == ["a"])
        #expect(note.footnotes.definitions.map(\.label) == ["a"])
    }

    /// The scan skips words of eight bytes that hold nothing it reads: each construct that hides
    /// a reference is found in every lane of a word, counted from the reference before it.
    @Test(arguments: ["`long code [^span] `", "\\[^escaped]", #"<span title="[^attr]">"#, "$x + y = [^2]$"])
    func whatHidesAReferenceIsFoundInEveryLane(construct: String) {
        for gap in 0..<9 {
            let note = Note("Real[^a]" + String(repeating: "w", count: gap) + construct + " last[^b]\n\n[^a]: A.\n[^b]: B.\n")
            #expect(note.footnotes.references.map(\.label) == ["a", "b"], "gap \(gap)")
        }
    }

    @Test func mathAndRegularExpressionsHoldNoReferences() {
        let math = Note("Loss $L = x[^2]_i$ here[^a].\n$$\nA[^T] = B\n$$\nThe regex [^a-z0-9] and [^\\s] too[^b].\n")
        #expect(math.footnotes.references.map(\.label) == ["a", "b"])
        // Dollar amounts open no math: `$5 and $10` leaves the reference between them alone.
        let money = Note("It costs $5 and[^c] then $10, or $ 3 [^d] and an unclosed $$ [^e].\n")
        #expect(money.footnotes.references.map(\.label) == ["c", "d", "e"])
        let priceThenMath = Note("A GPU costs $5 per hour[^f]; the loss is $x^2$.\nInline math $a\nb[^g]$ stays on its line.\n")
        #expect(priceThenMath.footnotes.references.map(\.label) == ["f", "g"])
        #expect(FootnoteScanner.isCharacterClass("a-zA-Z"))
        #expect(!FootnoteScanner.isCharacterClass("smith-2020"))
        #expect(!FootnoteScanner.isCharacterClass("1"))
    }

    @Test func manyUnmatchedDollarsAreReadOnce() {
        let line = String(repeating: "$5 ", count: 50_000) + "[^x]\n"
        #expect(Note(line).footnotes.references.map(\.label) == ["x"])
    }

    @Test func anUnclosedBacktickIsLiteral() {
        let note = Note("A ` tick then[^a].\n\n[^a]: x\n")
        #expect(note.footnotes.references.map(\.label) == ["a"])
    }

    @Test func unusedAndDuplicateDefinitionsAreFound() {
        let note = Note("Used[^a].\n\n[^a]: First.\n[^a]: Duplicate.\n[^unused]: Never referenced.\n")
        // cmark keeps only the first [^a] in its tree.
        #expect(note.blocks.filter { $0.kind == .footnoteDefinition }.count == 1)
        #expect(note.footnotes.definitions.map(\.label) == ["a", "a", "unused"])
        #expect(note.footnotes.definitions.map(\.lines) == [2...2, 3...3, 4...4])
        #expect(note.footnotes.definitions.map { note.text($0.textRange) } == ["First.", "Duplicate.", "Never referenced."])
        #expect(note.footnotes.references.map(\.label) == ["a"])
    }

    @Test func continuationLines() {
        let text = "x[^a]\n\n[^a]: First line\nlazy line\n\n    Indented paragraph.\n\nNot part of it.\n"
        let note = Note(text)
        let definition = note.footnotes.definitions.first
        #expect(definition?.lines == 2...5)
        #expect(definition.map { note.text($0.textRange) } == "First line\nlazy line\n\n    Indented paragraph.")
        #expect(note.footnotes.definitions.count == 1)
    }

    @Test func aDefinitionEndsAtABlockStart() {
        let note = Note("x[^a]\n\n[^a]: Def\n# Heading\n")
        #expect(note.footnotes.definitions.first?.lines == 2...2)
        let fence = Note("x[^a]\n\n[^a]: Def\n```\ncode\n```\n")
        #expect(fence.footnotes.definitions.first?.lines == 2...2)
    }

    @Test func emptyDefinitions() throws {
        let note = Note("x[^a] y[^b]\n\n[^a]:\n[^b]:   \n")
        #expect(note.footnotes.definitions.map(\.label) == ["a", "b"])
        #expect(note.footnotes.definitions.allSatisfy { $0.isEmpty })
        #expect(note.footnotes.definitions.map(\.textRange) == [ByteRange(18, 18), ByteRange(24, 24)])
    }

    @Test func consecutiveDefinitionsOnConsecutiveLines() {
        let note = Note("a[^1] b[^2] c[^3]\n\n[^1]: one\n[^2]: two\n   [^3]: three\n")
        #expect(note.footnotes.definitions.map(\.label) == ["1", "2", "3"])
        #expect(note.footnotes.definitions.map(\.lines) == [2...2, 3...3, 4...4])
        #expect(note.footnotes.definitions.map { note.text($0.textRange) } == ["one", "two", "three"])
        #expect(note.footnotes.definitions.last?.markerRange.start == note.offset(of: "[^3]:"))
    }

    @Test func fourSpacesMakeCodeNotADefinition() {
        let note = Note("x\n\n    [^a]: code\n")
        #expect(note.footnotes.definitions.isEmpty)
        #expect(note.footnotes.references.isEmpty)
    }

    @Test func referencesInsideDefinitionsAreReferences() {
        let note = Note("x[^a]\n\n[^a]: See [^b].\n[^b]: B.\n")
        #expect(note.footnotes.references.map(\.label) == ["a", "b"])
        #expect(note.footnotes.definitions.map(\.label) == ["a", "b"])
    }

    @Test func definitionsInBlockQuotesAndListItems() {
        let quoted = Note("x[^a]\n\n> [^a]: In a quote.\n")
        #expect(quoted.footnotes.references.map(\.range) == [ByteRange(1, 5)])
        #expect(quoted.footnotes.definitions.map(\.label) == ["a"])
        #expect(quoted.footnotes.definitions.map { quoted.text($0.textRange) } == ["In a quote."])
        let listed = Note("x[^a]\n\n- [^a]: In an item.\n")
        #expect(listed.footnotes.references.map(\.range) == [ByteRange(1, 5)])
        #expect(listed.footnotes.definitions.map(\.label) == ["a"])
        // The next item ends the definition.
        let items = Note("- one[^a]\n- [^a]: def\n- three\n")
        #expect(items.footnotes.definitions.map(\.lines) == [1...1])
        #expect(items.footnotes.definitions.map { items.text($0.textRange) } == ["def"])
        let nested = Note("x[^a]\n\n> - [^a]: deep\n")
        #expect(nested.footnotes.definitions.map(\.markerRange) == [ByteRange(11, 16)])
        #expect(nested.footnotes.references.count == 1)
    }

    @Test func malformedMarkers() {
        // Empty or blank labels, a label with `[`, and one across lines are not footnotes.
        let note = Note("a[^] b[^ ] c[^x[y]] d[^open\nclose]\n")
        #expect(note.footnotes.references.map(\.label) == [])
        #expect(note.footnotes.definitions.isEmpty)
        #expect(Note("x[^a\\]b]\n").footnotes.references.map(\.label) == ["a\\]b"])
    }

    @Test func crlfAndLoneCRGiveTheSameFootnotes() {
        let lf = "Text[^a] and[^b].\n\n[^a]: A\ncontinued\n[^b]: B\n"
        let expected = Note(lf).footnotes
        for newline in ["\r\n", "\r"] {
            let footnotes = Note(lf.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: newline)).footnotes
            #expect(footnotes.references.map(\.label) == expected.references.map(\.label))
            #expect(footnotes.references.map(\.range) == expected.references.map(\.range))
            #expect(footnotes.definitions.map(\.label) == expected.definitions.map(\.label))
            #expect(footnotes.definitions.map(\.lines) == expected.definitions.map(\.lines))
        }
    }

    @Test func aDefinitionWhoseTextIsHTMLIsADefinition() {
        let note = Note("See the document[^doc].\n\n[^doc]: <details><summary>Example</summary>\n\ntext\n\n</details>\n")
        #expect(note.footnotes.definitions.map(\.label) == ["doc"])
        #expect(note.footnotes.references.map(\.label) == ["doc"])
    }
}
