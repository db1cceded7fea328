import NoteLint
import NoteSyntax
import Testing

/// An example with its `↓` markers taken out: the text to lint and the byte offsets where
/// findings must start.
struct MarkedExample {
    let text: String
    let offsets: [Int]

    init(_ marked: String) {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        for character in marked {
            if character == RuleExamples.marker {
                offsets.append(bytes.count)
            } else {
                bytes += Array(String(character).utf8)
            }
        }
        text = String(decoding: bytes, as: UTF8.self)
        self.offsets = offsets
    }
}

/// One rule's example, named for test output.
struct RuleExample: CustomTestStringConvertible, Sendable {
    enum Kind: Sendable { case triggering, nonTriggering }
    let ruleID: String
    let kind: Kind
    let index: Int
    let text: String

    var testDescription: String { "\(ruleID) \(kind == .triggering ? "triggering" : "non-triggering") #\(index + 1)" }

    static var all: [RuleExample] {
        RuleRegistry.descriptions.flatMap { rule in
            rule.examples.triggering.enumerated().map {
                RuleExample(ruleID: rule.id, kind: .triggering, index: $0.offset, text: $0.element)
            }
                + rule.examples.nonTriggering.enumerated().map {
                    RuleExample(ruleID: rule.id, kind: .nonTriggering, index: $0.offset, text: $0.element)
                }
        }
    }

    var description: RuleDescription { RuleRegistry.rule(withID: ruleID)!.description }
}

struct RuleCorrection: CustomTestStringConvertible, Sendable {
    let ruleID: String
    let index: Int
    let before: String
    let after: String

    var testDescription: String { "\(ruleID) correction #\(index + 1)" }

    static var all: [RuleCorrection] {
        RuleRegistry.descriptions.flatMap { rule in
            rule.examples.corrections.enumerated().map {
                RuleCorrection(ruleID: rule.id, index: $0.offset, before: $0.element.before, after: $0.element.after)
            }
        }
    }
}

enum Lint {
    static func linter(only ruleID: String) -> Linter {
        try! Linter(only: [ruleID], arxiv: RuleExamples.arxivMetadata)
    }

    static func diagnostics(_ text: String, rule ruleID: String) -> [Diagnostic] {
        linter(only: ruleID).lint(SourceText(text)).diagnostics.filter { $0.ruleID == ruleID }
    }

    /// Positions (line, Unicode-scalar column, UTF-16 column) of where each finding starts.
    static func starts(_ diagnostics: [Diagnostic], in text: String) -> [[Int]] {
        let source = SourceText(text)
        return diagnostics.map { diagnostic in
            let scalar = source.lineIndex.position(of: diagnostic.range.start, in: .unicodeScalar)
            let utf16 = source.lineIndex.position(of: diagnostic.range.start, in: .utf16)
            return [scalar.line, scalar.column, utf16.column]
        }
    }

    /// Applies this rule's fixes, unsafe ones included, to a fixpoint.
    static func fixed(_ text: String, rule ruleID: String) -> String {
        let outcome = FixApplier.fixAll(Array(text.utf8), linter: linter(only: ruleID), allowed: [.safe, .unsafe])
        return String(decoding: outcome.bytes, as: UTF8.self)
    }
}
