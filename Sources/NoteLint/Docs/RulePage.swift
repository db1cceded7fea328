/// The documentation page of a rule, generated from its description: `rules/<id>.md`,
/// `notelint explain <id>`, and (later) the editor's rule links all show this text.
public enum RulePage {
    public static func markdown(for rule: RuleDescription) -> String {
        var out: [String] = []
        out.append("# \(rule.id)")
        out.append("")
        out.append(capitalized(rule.summary) + ".")
        out.append("")
        out.append("- Default severity: \(rule.severityNote ?? rule.defaultSeverity.rawValue)")
        out.append("- Fix: \(fixLine(rule.fix))")
        out.append("")
        out.append("## Why")
        out.append("")
        out.append(rule.rationale)
        if rule.readsRecords {
            out.append("")
            out.append(
                "Which blocks are entries, and which fields each has, is decided once for every rule: see "
                    + "[What notelint treats as a record](../docs/records.md).")
        }
        if !rule.options.isEmpty {
            out.append("")
            out.append("## Options")
            out.append("")
            for option in rule.options {
                out.append("- `\(option.name)`: \(option.summary). Default: `\(option.defaultValue)`")
            }
        }
        if let fixNote = rule.fixNote {
            out.append("")
            out.append("## Fix")
            out.append("")
            out.append(fixNote)
        }
        out.append("")
        out.append("## Examples")
        out.append("")
        out.append("Reported (`↓` marks where each finding starts):")
        for example in rule.examples.triggering {
            out += block(example)
        }
        out.append("")
        out.append("Not reported:")
        for example in rule.examples.nonTriggering {
            out += block(example)
        }
        if !rule.examples.corrections.isEmpty {
            out.append("")
            out.append("Fixed (`notelint check --fix\(rule.fix == .unsafe ? " --unsafe-fixes" : "")`):")
            for correction in rule.examples.corrections {
                out.append("")
                out.append("Before:")
                out += block(correction.before)
                out.append("")
                out.append("After:")
                out += block(correction.after)
            }
        }
        out.append("")
        out.append("## Configuration")
        out.append("")
        out.append("```yaml")
        out.append("# .notelint.yml")
        out.append("version: 1")
        out.append("rules:")
        if rule.options.isEmpty {
            out.append("  \(rule.id): \(rule.defaultSeverity.rawValue)   # or off, error, warning, info")
        } else {
            out.append("  \(rule.id):")
            out.append("    severity: \(rule.defaultSeverity.rawValue)   # or off, error, warning, info")
            for option in rule.options {
                out.append("    \(option.name): \(option.defaultValue)")
            }
        }
        out.append("```")
        out.append("")
        out.append("Silence it for one block with `<!-- notelint-disable-next-line \(rule.id) -->` on the line above.")
        return out.joined(separator: "\n") + "\n"
    }

    /// The index page, `rules/README.md`.
    public static func index(_ rules: [RuleDescription]) -> String {
        var out = ["# Rules", "", "| Rule | Default | Fix | What it reports |", "|---|---|---|---|"]
        for rule in rules {
            out.append(
                "| [`\(rule.id)`](\(rule.id).md) | \(rule.defaultSeverity.rawValue) | \(rule.fix?.rawValue ?? "") | \(rule.summary) |")
        }
        out.append("")
        out.append("Generated from the rules' own descriptions by `notelint generate-docs rules`; a test fails when a page is out of date.")
        return out.joined(separator: "\n") + "\n"
    }

    private static func fixLine(_ fix: Applicability?) -> String {
        switch fix {
        case nil: return "none"
        case .safe?: return "safe (applied by `--fix`)"
        case .unsafe?: return "unsafe (applied by `--fix --unsafe-fixes`)"
        case .suggestion?: return "suggestion (shown, never applied automatically)"
        }
    }

    private static func block(_ text: String) -> [String] {
        var body = text
        if body.hasSuffix("\n") { body.removeLast() }
        return ["", "```markdown", visible(body), "```"]
    }

    /// Control characters would be invisible (or break the page); show them as symbols.
    private static func visible(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar == "\0" ? "␀" : scalar == "\t" ? "→" : scalar
                }))
    }

    private static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
