import NoteInvariants
import NoteSyntax
import Testing

@testable import NoteLint

/// `SubjectList`: how a Subjects value is split into `Name (code)` items or bare codes.
@Suite struct SubjectListTests {
    /// A value read as a whole text, or (with `prefix`) as the tail of a longer line, so that
    /// ranges are checked away from offset 0.
    struct Read {
        let source: SourceText
        let range: ByteRange
        let list: SubjectList

        init(_ value: String, prefix: String = "") {
            source = SourceText(prefix + value)
            range = ByteRange(prefix.utf8.count, source.count)
            list = SubjectList(range, in: source)
        }

        var names: [String?] { list.items.map(\.name) }
        var codes: [String] { list.items.map(\.code) }
        var isCanonical: Bool { list.isCanonical(range, in: source) }

        /// Every item's ranges, counted from the value's start, hold exactly its name and code.
        func rangesMatch() -> Bool {
            list.items.allSatisfy { item in
                let code = item.codeRange.shifted(by: range.start)
                return source.string(code) == item.code
                    && item.nameRange.map { source.string($0.shifted(by: range.start)) } == item.name
                    && code.start >= range.start && code.end <= range.end
            }
        }
    }

    static let clAI = "Computation and Language (cs.CL); Artificial Intelligence (cs.AI)"

    // MARK: Name (code) items

    @Test(arguments: ["", "Subjects: "])
    func canonicalValue(_ prefix: String) {
        let read = Read(Self.clAI, prefix: prefix)
        #expect(read.names == ["Computation and Language", "Artificial Intelligence"])
        #expect(read.codes == ["cs.CL", "cs.AI"])
        #expect(read.list.hasStrayText == false)
        #expect(read.rangesMatch())
        #expect(read.isCanonical)
        #expect(read.list.canonical() == Self.clAI)
        #expect(read.list.renderedAsWritten() == Self.clAI)
    }

    @Test func itemRangesAreCountedFromTheValuesStart() {
        let read = Read("Computation and Language (cs.CL)", prefix: "Subjects: ")
        #expect(read.list.items.map(\.nameRange) == [ByteRange(0, 24)])
        #expect(read.list.items.map(\.codeRange) == [ByteRange(26, 31)])
    }

    @Test(arguments: [
        (
            "Adaptation, Noise, and Self-Organizing Systems (adap-org)",
            ["Adaptation, Noise, and Self-Organizing Systems"], ["adap-org"]
        ),
        (
            "Adaptation, Noise, and Self-Organizing Systems (adap-org); Computational Engineering, Finance, and Science (cs.CE)",
            ["Adaptation, Noise, and Self-Organizing Systems", "Computational Engineering, Finance, and Science"], ["adap-org", "cs.CE"]
        ),
        (
            "Atomic, Molecular and Optical Physics (atom-ph); Data Analysis, Statistics and Probability (physics.data-an)",
            ["Atomic, Molecular and Optical Physics", "Data Analysis, Statistics and Probability"], ["atom-ph", "physics.data-an"]
        ),
    ])
    func namesHoldingCommas(_ value: String, _ names: [String], _ codes: [String]) {
        let read = Read(value, prefix: "Subjects: ")
        #expect(read.names == names)
        #expect(read.codes == codes)
        #expect(read.list.hasStrayText == false)
        #expect(read.rangesMatch())
        #expect(read.isCanonical)
        #expect(read.list.canonical() == value)
        #expect(read.list.renderedAsWritten() == value)
    }

    @Test func retiredAndAliasCodesAreCanonicalWithTheirOwnNames() {
        for value in [
            "Computation and Language (cmp-lg)", "Mathematical Physics (math.MP)", "Mathematical Physics (math-ph)",
            "Machine Learning (cs.LG); Machine Learning (stat.ML)",
        ] {
            let read = Read(value)
            #expect(read.isCanonical, "\(value)")
            #expect(read.list.canonical() == value)
        }
    }

    @Test func commasBetweenItems() {
        let read = Read("Computation and Language (cs.CL), Artificial Intelligence (cs.AI)")
        #expect(read.names == ["Computation and Language", "Artificial Intelligence"])
        #expect(read.codes == ["cs.CL", "cs.AI"])
        #expect(read.list.hasStrayText == false)
        #expect(read.isCanonical == false)
        #expect(read.list.canonical() == Self.clAI)
        #expect(read.list.renderedAsWritten() == Self.clAI)
    }

    @Test func codeInTheWrongCase() {
        let read = Read("computation and language (CS.cl)")
        #expect(read.names == ["computation and language"])
        #expect(read.codes == ["CS.cl"])
        #expect(read.isCanonical == false)
        #expect(read.list.canonical() == "Computation and Language (cs.CL)")
        #expect(read.list.renderedAsWritten() == "computation and language (cs.CL)")
    }

    @Test func blanksInsideANameAreCollapsedWhenRendered() {
        let read = Read("Computation  and\tLanguage (cs.CL);  Artificial Intelligence  (cs.AI)")
        #expect(read.names == ["Computation  and\tLanguage", "Artificial Intelligence"])
        #expect(read.rangesMatch())
        #expect(read.isCanonical == false)
        #expect(read.list.renderedAsWritten() == Self.clAI)
        #expect(read.list.canonical() == Self.clAI)
    }

    @Test func aCodeWithNoName() {
        let read = Read("(cs.CL)")
        #expect(read.names == [nil])
        #expect(read.codes == ["cs.CL"])
        #expect(read.list.items.first?.nameRange == nil)
        #expect(read.isCanonical == false)
        #expect(read.list.canonical() == "Computation and Language (cs.CL)")
        #expect(read.list.renderedAsWritten() == "(cs.CL)")
    }

    @Test func parenthesesThatAreNotCodesStayInTheName() {
        let read = Read("Quantum Physics (see also) (quant-ph)")
        #expect(read.names == ["Quantum Physics (see also)"])
        #expect(read.codes == ["quant-ph"])
        #expect(read.list.hasStrayText == false)
        #expect(read.isCanonical == false)
        #expect(read.list.canonical() == "Quantum Physics (quant-ph)")
    }

    @Test func unknownCode() {
        let read = Read("Foo (cs.XY); Artificial Intelligence (cs.AI)")
        #expect(read.codes == ["cs.XY", "cs.AI"])
        #expect(read.isCanonical == false)
        #expect(read.list.canonical() == nil)
        #expect(read.list.renderedAsWritten() == "Foo (cs.XY); Artificial Intelligence (cs.AI)")
    }

    @Test func trailingSeparatorIsNotStrayButNotCanonical() {
        let read = Read("Computation and Language (cs.CL); ")
        #expect(read.codes == ["cs.CL"])
        #expect(read.list.hasStrayText == false)
        #expect(read.isCanonical == false)
        #expect(read.list.canonical() == "Computation and Language (cs.CL)")
    }

    // MARK: Stray text

    @Test func strayTextAfterTheLastItem() {
        let read = Read("Computation and Language (cs.CL); and more")
        #expect(read.codes == ["cs.CL"])
        #expect(read.list.hasStrayText)
        #expect(read.isCanonical == false)
        // `canonical()` speaks for the items only; rules check `hasStrayText` first.
        #expect(read.list.canonical() == "Computation and Language (cs.CL)")
    }

    /// A name never holds `;` (arXiv's names hold commas, never semicolons): text before a `;`
    /// is not part of the next item's name (a fix to that name would delete it): a known code
    /// there is an item of its own, anything else is stray.
    @Test(
        arguments: [
            ("cs.CL; Artificial Intelligence (cs.AI)", [nil, "Artificial Intelligence"], ["cs.CL", "cs.AI"], false),
            ("cs.CL, Artificial Intelligence (cs.AI)", [nil, "Artificial Intelligence"], ["cs.CL", "cs.AI"], false),
            ("cs.CL, cs.LG, Artificial Intelligence (cs.AI)", [nil, nil, "Artificial Intelligence"], ["cs.CL", "cs.LG", "cs.AI"], false),
            ("junk; Artificial Intelligence (cs.AI)", ["Artificial Intelligence"], ["cs.AI"], true),
            ("; Artificial Intelligence (cs.AI)", ["Artificial Intelligence"], ["cs.AI"], false),
            (
                "Computation and Language (cs.CL) junk; Artificial Intelligence (cs.AI)",
                ["Computation and Language", "Artificial Intelligence"], ["cs.CL", "cs.AI"], true
            ),
        ] as [(String, [String?], [String], Bool)])
    func textBeforeASemicolonIsNotAName(_ value: String, _ names: [String?], _ codes: [String], _ stray: Bool) {
        let read = Read(value, prefix: "Subjects: ")
        #expect(read.names == names)
        #expect(read.codes == codes)
        #expect(read.list.hasStrayText == stray)
        #expect(read.rangesMatch())
        #expect(read.isCanonical == false)
    }

    /// Through the rules: `subjects-name-mismatch` once offered a safe fix that rewrote the
    /// "name" `cs.CL; Artificial Intelligence` (or `cs.CL, Artificial Intelligence`) and so
    /// deleted `cs.CL`. Now the bare code is an item, and the format fix keeps it.
    @Test(arguments: ["; ", ", "])
    func noFixDeletesABareCodeBeforeAName(_ separator: String) throws {
        let linter = try Linter(only: ["subjects-name-mismatch", "subjects-format", "subjects-unknown"])
        let text = "Title: A\nSubjects: cs.CL\(separator)Artificial Intelligence (cs.AI)\n"
        let findings = linter.lint(SourceText(text)).diagnostics
        #expect(findings.map(\.ruleID) == ["subjects-format"])
        let fixed = FixApplier.fixAll(Array(text.utf8), linter: linter, allowed: [.safe, .unsafe])
        #expect(
            String(decoding: fixed.bytes, as: UTF8.self)
                == "Title: A\nSubjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI)\n")
    }

    @Test func unclosedParenthesisFallsBackToWords() {
        let read = Read("Computation and Language (cs.CL")
        #expect(read.names == [nil, nil, nil])
        #expect(read.codes == ["Computation", "and", "Language"])
        #expect(read.list.hasStrayText)
        #expect(read.isCanonical == false)
    }

    // MARK: Bare codes

    @Test(arguments: [
        "cs.CL; cs.AI", "cs.CL, cs.AI", "cs.CL cs.AI", "cs.CL;cs.AI", "cs.CL,cs.AI", "cs.CL ;  cs.AI",
        "cs.CL\tcs.AI", " cs.CL , cs.AI ; ", ";cs.CL;;cs.AI",
    ])
    func bareCodes(_ value: String) {
        let read = Read(value, prefix: "Subjects: ")
        #expect(read.names == [nil, nil])
        #expect(read.codes == ["cs.CL", "cs.AI"])
        #expect(read.list.hasStrayText == false)
        #expect(read.rangesMatch())
        #expect(read.isCanonical == false)
        #expect(read.list.canonical() == Self.clAI)
        #expect(read.list.renderedAsWritten() == "(cs.CL); (cs.AI)")
    }

    @Test func bareCodesInAnyCase() {
        let read = Read("cs.cl, CS.AI, HEP-TH, astro-ph.he")
        #expect(read.codes == ["cs.cl", "CS.AI", "HEP-TH", "astro-ph.he"])
        #expect(
            read.list.canonical()
                == "Computation and Language (cs.CL); Artificial Intelligence (cs.AI); High Energy Physics - Theory (hep-th); High Energy Astrophysical Phenomena (astro-ph.HE)"
        )
        #expect(read.list.renderedAsWritten() == "(cs.CL); (cs.AI); (hep-th); (astro-ph.HE)")
    }

    @Test func aBareCodeNextToAWordThatIsNotACode() {
        let read = Read("cs.CL 42")
        #expect(read.codes == ["cs.CL"])
        #expect(read.list.hasStrayText)
        #expect(read.isCanonical == false)
    }

    /// Words of letters have a code's shape: they become items, which `subjects-unknown`
    /// then reports, and there is no canonical form.
    @Test func wordsHaveTheShapeOfCodes() {
        let read = Read("NLP stuff")
        #expect(read.codes == ["NLP", "stuff"])
        #expect(read.list.hasStrayText == false)
        #expect(read.list.canonical() == nil)
        #expect(read.isCanonical == false)
    }

    @Test(arguments: ["", "   ", ";", " , ; "])
    func nothing(_ value: String) {
        let read = Read(value)
        #expect(read.list.items.isEmpty)
        #expect(read.list.hasStrayText == false)
        #expect(read.isCanonical == false)
        #expect(read.list.canonical() == nil)
        #expect(read.list.renderedAsWritten() == "")
    }

    // MARK: Code shape

    @Test(arguments: ["cs.CL", "cs", "hep-th", "astro-ph.HE", "math.MP", "cond-mat.str-el", "q-bio", "CS.cl"])
    func looksLikeCode(_ text: String) {
        #expect(SubjectList.looksLikeCode(text))
    }

    @Test(arguments: ["", ".", "cs.", ".cs", "-cs", "cs..CL", "cs.CL.x", "cs.-x", "cs CL", "cs.C1", "42", "cs.CLé", "(cs.CL)"])
    func doesNotLookLikeCode(_ text: String) {
        #expect(SubjectList.looksLikeCode(text) == false)
    }

    @Test func collapseBlanks() {
        #expect(collapse("  a \t b  c ") == "a b c")
        #expect(collapse("") == "")
    }

    /// A value is canonical exactly when it is what `canonical()` writes, however its items are
    /// spelled and separated, wherever it starts.
    @Test func canonicalIsWhatCanonicalWrites() {
        let items = [
            "Machine Learning (cs.LG)", "machine learning (cs.LG)", "Machine Learning (CS.LG)", "Machine  Learning (cs.LG)",
            "Computational Engineering, Finance, and Science (cs.CE)", "Artificial Intelligence (cs.AI)", "Made Up (xx.YY)",
            "cs.AI", "Machine Learning(cs.LG)", "Machine Learning (cs.LG) ", "(cs.LG)",
        ]
        let separators = ["; ", ";", ", ", " ;  "]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<400 {
            var value = items.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                value += separators.randomElement(using: &generator)! + items.randomElement(using: &generator)!
            }
            for prefix in ["", "Subjects: "] {
                let read = Read(value, prefix: prefix)
                #expect(read.isCanonical == (read.list.canonical() == value), "\(value)")
            }
        }
    }
}
