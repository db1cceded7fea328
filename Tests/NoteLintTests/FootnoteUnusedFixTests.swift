import NoteLint
import NoteSyntax
import Testing

/// Removing unused footnote definitions never loses every copy of a label defined twice.
@Suite struct FootnoteUnusedFixTests {
    private func fixedByAll(_ text: String) -> String {
        let linter = try! Linter(arxiv: RuleExamples.arxivMetadata)
        let outcome = FixApplier.fixAll(Array(text.utf8), linter: linter, allowed: [.safe, .unsafe])
        return String(decoding: outcome.bytes, as: UTF8.self)
    }

    @Test func bothCopiesOfAnUnusedLabelAreReportedWithoutAFix() {
        let findings = Lint.diagnostics("Text.\n\n[^b]: One text.\n[^b]: Another text.\n", rule: "footnote-unused")
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.fix == nil })
    }

    @Test func everyFixOfEveryRuleKeepsBothCopies() {
        let text = "Text.\n\n[^b]: One text.\n[^b]: Another text.\n"
        #expect(fixedByAll(text) == text)
    }

    @Test func aLabelDefinedOnceIsStillRemoved() {
        #expect(Lint.fixed("Text.\n\n[^b]: One text.\n", rule: "footnote-unused") == "Text.\n\n")
    }
}
