import NoteSyntax

/// Finds the suppressions that silenced nothing, for `unused-suppression`: the linter records
/// which directive silenced each finding, then asks here about the rest.
struct SuppressionAudit {
    /// For each directive, the rules it silenced at least one finding of ("*" for a directive
    /// without rule names).
    private var used: [Set<String>]
    private let suppressions: Suppressions

    init(_ suppressions: Suppressions) {
        self.suppressions = suppressions
        used = Array(repeating: [], count: suppressions.directives.count)
    }

    mutating func record(_ directive: Int, rule: String) {
        used[directive].insert(suppressions.directives[directive].rules.isEmpty ? "*" : rule)
    }

    /// Each finding with the index of the directive it is about.
    func findings(in note: Note) -> [(directive: Int, diagnostic: Diagnostic)] {
        var findings: [(directive: Int, diagnostic: Diagnostic)] = []
        let source = note.source
        let known = Set(RuleRegistry.ids)
        for (index, directive) in suppressions.directives.enumerated() where directive.kind != .enable {
            if directive.rules.isEmpty {
                if used[index].isEmpty {
                    findings.append(
                        (
                            index,
                            finding(
                                "suppression comment suppresses nothing", directive.range,
                                fix: removal(of: directive, in: source))
                        ))
                }
                continue
            }
            let idle = directive.rules.indices.filter { !used[index].contains(directive.rules[$0]) }
            guard !idle.isEmpty else { continue }
            if idle.count == directive.rules.count && !directive.inFrontMatter {
                let message =
                    idle.count == 1
                    ? describe(directive.rules[idle[0]], known: known)
                    : "suppression comment suppresses nothing (\(quoted: directive.rules.joined(separator: ", ")))"
                let range = idle.count == 1 && !known.contains(directive.rules[idle[0]]) ? directive.ruleRanges[idle[0]] : directive.range
                findings.append((index, finding(message, range, fix: removal(of: directive, in: source))))
                continue
            }
            for position in idle {
                let fix =
                    directive.inFrontMatter
                    ? nil
                    : Fix(
                        title: "Remove `\(quoted: directive.rules[position])` from the comment",
                        applicability: .safe, edits: [nameRemoval(position, in: directive, source: source)])
                findings.append(
                    (index, finding(describe(directive.rules[position], known: known), directive.ruleRanges[position], fix: fix)))
            }
        }
        return findings
    }

    private func describe(_ rule: String, known: Set<String>) -> String {
        guard known.contains(rule) else {
            let near = closestMatch(to: rule, in: RuleRegistry.ids).map { "; did you mean `\($0)`?" } ?? ""
            return "`\(quoted: rule)` is not a notelint rule\(near)"
        }
        return "suppression of `\(quoted: rule)` suppresses nothing"
    }

    private func finding(_ message: String, _ range: ByteRange, fix: Fix?) -> Diagnostic {
        Diagnostic(
            ruleID: UnusedSuppression.description.id, severity: UnusedSuppression.description.defaultSeverity,
            message: message, range: range, fix: fix, tags: [.unnecessary])
    }

    /// The comment's lines when it stands alone on them, else the comment itself.
    private func removal(of directive: Suppressions.Directive, in source: SourceText) -> Fix? {
        guard !directive.inFrontMatter else { return nil }
        let first = source.lineIndex.lineStarts[directive.line]
        let last = source.lineContent(directive.endLine).end
        let before = source.bytes[first..<directive.range.start].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        let after = source.bytes[directive.range.end..<last].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        let range = before && after ? ByteRange(first, source.lineIndex.fullRange(ofLine: directive.endLine).end) : directive.range
        return Fix(title: "Remove the suppression comment", applicability: .safe, edits: [.delete(range)])
    }

    /// A name and the separator before it (or after it, for the first name).
    private func nameRemoval(_ position: Int, in directive: Suppressions.Directive, source: SourceText) -> TextEdit {
        let range = directive.ruleRanges[position]
        if position > 0 {
            return .delete(ByteRange(directive.ruleRanges[position - 1].end, range.end))
        }
        return .delete(ByteRange(range.start, directive.ruleRanges[position + 1].start))
    }
}
