import NoteLint
import Testing

/// What each rule's fixes may do to a note is decided here as well as in the rule: a change
/// of applicability (a safe fix turned unsafe, or the reverse) fails until both agree.
@Suite struct FixApplicabilityTests {
    /// The applicabilities the fixes of each rule's triggering examples have, together.
    static let expected: [String: Set<Applicability>] = [
        "entry-blank": [.unsafe],
        "entry-unknown-field": [.unsafe],
        "entry-heading-trap": [.safe],
        "footnote-undefined": [.unsafe],
        "footnote-unused": [.unsafe],
        "field-whitespace": [.safe, .unsafe],
        "entry-runs-into-prose": [.safe],
        "entry-pasted-furniture": [.unsafe],
        "date-format": [.safe],
        "link-arxiv-form": [.safe, .unsafe],
        "arxiv-title-mismatch": [.suggestion],
        "subjects-name-mismatch": [.unsafe],
        "subjects-format": [.safe, .unsafe],
        "unused-suppression": [.safe],
    ]

    static var rulesWithFixes: [String] { RuleRegistry.descriptions.filter { $0.fix != nil }.map(\.id) }

    @Test func theTableNamesEveryRuleWithAFix() {
        #expect(Set(Self.rulesWithFixes) == Set(Self.expected.keys))
    }

    @Test(arguments: rulesWithFixes)
    func fixesHaveTheExpectedApplicability(_ ruleID: String) throws {
        let rule = try #require(RuleRegistry.rule(withID: ruleID)).description
        var found = Set<Applicability>()
        for example in rule.examples.triggering {
            for diagnostic in Lint.diagnostics(MarkedExample(example).text, rule: ruleID) {
                if let fix = diagnostic.fix { found.insert(fix.applicability) }
            }
        }
        #expect(found == Self.expected[ruleID], "\(ruleID): its triggering examples' fixes are \(found.map(\.rawValue).sorted())")
        #expect(rule.fix == found.max(), "\(ruleID): the description's `fix` is the most any of its fixes asks for")
    }
}
