import NoteLint

struct RulesCommand {
    static let spec = CommandSpec(
        name: "rules", abstract: "List every rule: id, default severity, fix, summary.", run: { _ in try RulesCommand().run() })

    func run() throws {
        let rules = RuleRegistry.descriptions
        let idWidth = max(rules.map(\.id.count).max() ?? 0, 4)
        print(pad("RULE", idWidth) + "  " + pad("DEFAULT", 7) + "  " + pad("FIX", 10) + "  SUMMARY")
        for rule in rules {
            print(
                pad(rule.id, idWidth) + "  " + pad(rule.defaultSeverity.rawValue, 7) + "  "
                    + pad(rule.fix?.rawValue ?? "-", 10) + "  " + rule.summary)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(width - text.count, 0))
    }
}

struct ExplainCommand {
    static let spec = CommandSpec(
        name: "explain",
        abstract: "Print a rule's page: what it reports, why, examples, configuration.",
        arguments: [
            ArgumentSpec(
                name: "rule", help: "The rule id, as `notelint rules` lists it.", isRequired: true, completion: .words({ RuleRegistry.ids })
            )
        ],
        run: { try ExplainCommand(rule: $0.positional(0) ?? "").run() }
    )

    let rule: String

    func run() throws {
        guard let description = RuleRegistry.rule(withID: rule)?.description else {
            var message = "unknown rule `\(rule)`"
            if let near = closestMatch(to: rule, in: RuleRegistry.ids) { message += "; did you mean `\(near)`?" }
            throw UsageError(message)
        }
        print(RulePage.markdown(for: description), terminator: "")
    }
}
