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
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id) is not kebab-case")
            #expect(!id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--"))
        }
    }

    @Test func messagesAndFixTitlesFollowTheStyle() throws {
        for rule in RuleRegistry.descriptions {
            for example in rule.examples.triggering {
                let text = MarkedExample(example).text
                for diagnostic in Lint.diagnostics(text, rule: rule.id) {
                    let first = diagnostic.message.first!
                    #expect(!first.isUppercase, "\(rule.id): message should start lower-case: \(diagnostic.message)")
                    #expect(!diagnostic.message.hasSuffix("."), "\(rule.id): no trailing period: \(diagnostic.message)")
                    if let fix = diagnostic.fix {
                        #expect(fix.title.first!.isUppercase && !fix.title.hasSuffix("."), "\(rule.id): fix title \(fix.title)")
                        #expect(fix.applicability <= rule.fix!, "\(rule.id): a fix more permissive than described")
                    } else if rule.fix == nil {
                        #expect(diagnostic.fix == nil)
                    }
                }
            }
        }
    }

    @Test func everyRuleWithAFixSaysWhyItIsSafeOrUnsafe() {
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
            #expect(committed == RulePage.markdown(for: rule),
                    "rules/\(rule.id).md is stale: run `swift run notelint generate-docs rules`")
        }
        #expect(PackagePaths.read("rules/README.md") == RulePage.index(RuleRegistry.descriptions),
                "rules/README.md is stale: run `swift run notelint generate-docs rules`")
    }
}
