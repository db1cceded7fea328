import NoteLint
import NoteSyntax
import Testing

/// Every example of every rule is a test, and so are automatic variants of it that catch
/// whole classes of bugs: positions that drift, CRLF, code fences, suppressions, fixes.
@Suite struct RuleExampleTests {
    @Test(arguments: RuleExample.all)
    func findingsLandOnTheMarkers(_ example: RuleExample) {
        let marked = MarkedExample(example.text)
        let found = Lint.diagnostics(marked.text, rule: example.ruleID)
        switch example.kind {
        case .nonTriggering:
            #expect(marked.offsets.isEmpty, "a non-triggering example carries no marker")
            #expect(found.isEmpty, "unexpected: \(found.map(\.message))")
        case .triggering:
            #expect(!marked.offsets.isEmpty, "a triggering example marks where each finding lands")
            #expect(found.map(\.range.start) == marked.offsets, "messages: \(found.map(\.message))")
        }
    }

    @Test(arguments: RuleExample.all.filter { !startsWithFrontMatter($0.text) })
    func positionsShiftExactlyUnderAMultiByteLine(_ example: RuleExample) {
        let marked = MarkedExample(example.text)
        let prefix = "Ünïcödé 変換 😀 é\n\n"
        let original = Lint.starts(Lint.diagnostics(marked.text, rule: example.ruleID), in: marked.text)
        let shifted = Lint.starts(Lint.diagnostics(prefix + marked.text, rule: example.ruleID), in: prefix + marked.text)
        #expect(shifted == original.map { [$0[0] + 2, $0[1], $0[2]] })
    }

    @Test(arguments: RuleExample.all.filter { !startsWithFrontMatter($0.text) })
    func linesShiftExactlyUnderFrontMatter(_ example: RuleExample) {
        let marked = MarkedExample(example.text)
        let prefix = "---\ntitle: An example\n---\n"
        let original = Lint.starts(Lint.diagnostics(marked.text, rule: example.ruleID), in: marked.text)
        let shifted = Lint.starts(Lint.diagnostics(prefix + marked.text, rule: example.ruleID), in: prefix + marked.text)
        #expect(shifted == original.map { [$0[0] + 3, $0[1], $0[2]] })
    }

    @Test(arguments: RuleExample.all.filter { $0.kind == .triggering })
    func aDisableCommentSilencesTheRule(_ example: RuleExample) {
        let text = MarkedExample(example.text).text
        #expect(!Lint.diagnostics(text, rule: example.ruleID).isEmpty, "nothing to silence")
        let silenced =
            startsWithFrontMatter(text)
            ? text + "\n<!-- notelint-disable-file \(example.ruleID) -->\n"
            : "<!-- notelint-disable \(example.ruleID) -->\n\n" + text
        #expect(Lint.diagnostics(silenced, rule: example.ruleID).isEmpty)
    }

    @Test(arguments: RuleExample.all)
    func crlfLineEndingsGiveTheSameFindings(_ example: RuleExample) {
        let text = MarkedExample(example.text).text
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let lf = Lint.diagnostics(text, rule: example.ruleID)
        let windows = Lint.diagnostics(crlf, rule: example.ruleID)
        #expect(Lint.starts(windows, in: crlf) == Lint.starts(lf, in: text))
        #expect(windows.map(\.message) == lf.map(\.message))
    }

    // file-encoding reads bytes, which a code fence does not change.
    @Test(arguments: RuleExample.all.filter { $0.kind == .triggering && $0.ruleID != "file-encoding" })
    func aCodeFenceSilencesTheRule(_ example: RuleExample) {
        let text = MarkedExample(example.text).text
        #expect(!Lint.diagnostics(text, rule: example.ruleID).isEmpty, "nothing to silence")
        let fenced = "~~~~~~\n" + text + "~~~~~~\n"
        #expect(Lint.diagnostics(fenced, rule: example.ruleID).isEmpty)
    }

    @Test(arguments: RuleExample.all.filter { $0.kind == .triggering })
    func fixesAreIdempotentAndRemoveTheirFindings(_ example: RuleExample) {
        let text = MarkedExample(example.text).text
        let fixable = Lint.diagnostics(text, rule: example.ruleID).contains { ($0.fix?.applicability).map { $0 != .suggestion } ?? false }
        let once = Lint.fixed(text, rule: example.ruleID)
        // Without a fix to apply, the rest would compare the text with itself.
        #expect((once != text) == fixable, fixable ? "its fixes changed nothing" : "the text changed with no fix to apply")
        #expect(Lint.fixed(once, rule: example.ruleID) == once)
        let remaining = Lint.diagnostics(once, rule: example.ruleID)
        #expect(!remaining.contains { $0.fix != nil && $0.fix!.applicability != .suggestion })
    }

    @Test(arguments: RuleCorrection.all)
    func correctionsProduceTheExpectedText(_ correction: RuleCorrection) {
        #expect(Lint.fixed(correction.before, rule: correction.ruleID) == correction.after)
        let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
        #expect(Lint.fixed(crlf(correction.before), rule: correction.ruleID) == crlf(correction.after))
    }

    @Test func everyRuleHasExamplesOfBothKinds() {
        for rule in RuleRegistry.descriptions {
            #expect(!rule.examples.triggering.isEmpty, "\(rule.id) has no triggering example")
            #expect(!rule.examples.nonTriggering.isEmpty, "\(rule.id) has no non-triggering example")
            if rule.fix == .safe || rule.fix == .unsafe {
                #expect(!rule.examples.corrections.isEmpty, "\(rule.id) has a fix but no correction example")
            }
        }
    }
}

func startsWithFrontMatter(_ text: String) -> Bool { text.hasPrefix("---") || text.hasPrefix("↓---") }
