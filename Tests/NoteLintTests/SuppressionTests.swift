import NoteLint
import NoteSyntax
import Testing

@Suite struct SuppressionTests {
    private let blank = "Title:\nLink:\n"

    private func rules(_ text: String) -> [String] {
        try! Linter().lint(SourceText(text)).diagnostics.map(\.ruleID)
    }

    @Test func disableAndEnableBoundARegion() {
        let text = "<!-- notelint-disable entry-blank -->\n\n\(blank)\n<!-- notelint-enable entry-blank -->\n\n\(blank)"
        let found = try! Linter().lint(SourceText(text)).diagnostics.filter { $0.ruleID == "entry-blank" }
        #expect(found.count == 1)
        #expect(SourceText(text).lineIndex.line(containing: found[0].range.start) == 7)
    }

    @Test func disableWithoutRulesSilencesEverythingUntilEnabled() {
        #expect(rules("<!-- notelint-disable -->\n\n\(blank)\n[^x]\n").isEmpty)
        #expect(
            rules("<!-- notelint-disable -->\n\n\(blank)\n<!-- notelint-enable footnote-undefined -->\n\n[^x]\n") == ["footnote-undefined"])
    }

    @Test func disableNextLineCoversTheWholeNextBlock() {
        let text = "<!-- notelint-disable-next-line entry-empty-field -->\nTitle:\nLink:\nDate: 2020\n\nTitle: B\nLink:\nDate: 2021\n"
        let found = try! Linter().lint(SourceText(text)).diagnostics.filter { $0.ruleID == "entry-empty-field" }
        #expect(found.count == 1)
        #expect(SourceText(text).lineIndex.line(containing: found[0].range.start) == 6)
    }

    @Test func disableFileAndFrontMatterDisable() {
        #expect(rules("\(blank)\n<!-- notelint-disable-file entry-blank -->\n").isEmpty)
        #expect(rules("---\ntitle: t\nnotelint: {disable: [entry-blank]}\n---\n\n\(blank)").isEmpty)
        #expect(rules("---\ntitle: t\nnotelint:\n  disable: footnote-undefined\n---\n\n\(blank)\n[^x]\n") == ["entry-blank"])
    }

    @Test func otherCommentsAndOtherRulesAreUnaffected() {
        #expect(rules("<!-- a note to self -->\n\n\(blank)") == ["entry-blank"])
        // The comment about another rule silences nothing here, which `unused-suppression` says.
        #expect(rules("<!-- notelint-disable footnote-unused -->\n\n\(blank)") == ["unused-suppression", "entry-blank"])
    }

    private func unused(_ text: String) -> [String] {
        try! Linter().lint(SourceText(text)).diagnostics.filter { $0.ruleID == "unused-suppression" }.map(\.message)
    }

    @Test func unusedSuppressionsAreReportedOncePerIdleName() {
        #expect(unused("<!-- notelint-disable -->\n\nText.\n") == ["suppression comment suppresses nothing"])
        #expect(unused("<!-- notelint-disable -->\n\n\(blank)").isEmpty)
        #expect(
            unused("<!-- notelint-disable entry-blank footnote-undefined -->\n\n\(blank)")
                == ["suppression of `footnote-undefined` suppresses nothing"])
        #expect(unused("<!-- notelint-disable-file nope -->\n\nText.\n") == ["`nope` is not a notelint rule"])
        #expect(
            unused("---\ntitle: t\nnotelint: {disable: [entry-blank, footnote-unsed]}\n---\n\n\(blank)")
                == ["`footnote-unsed` is not a notelint rule; did you mean `footnote-unused`?"])
        // An enable comment is never reported, and a disable that is re-enabled counts its uses.
        #expect(unused("<!-- notelint-disable entry-blank -->\n\n\(blank)\n<!-- notelint-enable entry-blank -->\n").isEmpty)
        // Turning the audit off silences it, like any rule.
        #expect(unused("<!-- notelint-disable unused-suppression -->\n<!-- notelint-disable entry-blank -->\n\nText.\n").isEmpty)
    }
}
