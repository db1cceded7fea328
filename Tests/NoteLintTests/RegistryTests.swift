import Foundation
import NoteLint
import TestSupport
import Testing

@Suite struct RegistryTests {
    @Test func everyRuleFileIsRegistered() throws {
        let folder = PackagePaths.path("Sources/NoteLint/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }
        let registered = Set(RuleRegistry.all.map { String(describing: $0) })
        #expect(!files.isEmpty)
        for file in files {
            let typeName = String(file.dropLast(".swift".count))
            #expect(registered.contains(typeName), "\(file) holds a rule missing from RuleRegistry.all")
        }
        #expect(files.count == RuleRegistry.all.count)
    }

    @Test func idsAreUniqueAndKebabCase() {
        let ids = RuleRegistry.ids
        #expect(ids.count == RuleRegistry.all.count && !ids.isEmpty)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id) is not kebab-case")
            #expect(!id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--"))
        }
    }

    /// Every finding of every rule's triggering examples: its message, and its fix against
    /// what the rule's description says of fixes.
    @Test func messagesAndFixTitlesFollowTheStyle() throws {
        var messages = 0
        var fixes = 0
        for rule in RuleRegistry.descriptions {
            for example in rule.examples.triggering {
                let diagnostics = Lint.diagnostics(MarkedExample(example).text, rule: rule.id)
                #expect(!diagnostics.isEmpty, "\(rule.id): a triggering example reports nothing")
                for diagnostic in diagnostics {
                    messages += 1
                    let message = diagnostic.message
                    #expect(message.first.map { !$0.isUppercase } == true, "\(rule.id): message should start lower-case: \(message)")
                    #expect(!message.hasSuffix("."), "\(rule.id): no trailing period: \(message)")
                    guard let fix = diagnostic.fix else { continue }
                    fixes += 1
                    #expect(fix.title.first?.isUppercase == true && !fix.title.hasSuffix("."), "\(rule.id): fix title \(fix.title)")
                    if let described = rule.fix {
                        #expect(fix.applicability <= described, "\(rule.id): a fix more permissive than described")
                    } else {
                        Issue.record("\(rule.id): a fix (\(fix.title)) from a rule described as having none")
                    }
                }
            }
        }
        // The loops above saw findings and fixes to check.
        #expect(messages >= RuleRegistry.descriptions.count)
        #expect(fixes > 0)
    }

    @Test func everyRuleWithAFixSaysWhyItIsSafeOrUnsafe() {
        #expect(RuleRegistry.descriptions.contains { $0.fix != nil } && RuleRegistry.descriptions.contains { $0.fix == nil })
        for rule in RuleRegistry.descriptions {
            if rule.fix == nil {
                #expect(rule.fixNote == nil, "\(rule.id) has no fix but a fix note")
            } else {
                #expect(!(rule.fixNote ?? "").isEmpty, "\(rule.id) has a fix but no fix note")
            }
        }
    }

    @Test func rulePagesAreUpToDate() {
        for rule in RuleRegistry.descriptions {
            let committed = PackagePaths.read("rules/\(rule.id).md")
            #expect(
                committed == RulePage.markdown(for: rule),
                "rules/\(rule.id).md is stale: run `swift run notelint generate-docs rules`")
        }
        #expect(
            PackagePaths.read("rules/README.md") == RulePage.index(RuleRegistry.descriptions),
            "rules/README.md is stale: run `swift run notelint generate-docs rules`")
    }
}
