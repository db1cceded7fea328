import NoteSyntax

/// Applies fixes as text edits on the original bytes, re-linting until nothing more applies.
/// `check --fix`, and later the editor's fix-all, go through here.
public enum FixApplier {
    public struct Outcome: Sendable {
        public let bytes: [UInt8]
        /// Fixes applied, over all passes.
        public let appliedCount: Int
        /// What remains after the last pass.
        public let remaining: LintResult
        /// False when the passes ran out before the text stopped changing (a bug in a rule).
        public let converged: Bool
    }

    public static let maximumPasses = 10

    /// Applies every fix whose applicability is in `allowed`, repeatedly, to a fixpoint.
    public static func fixAll(_ bytes: [UInt8], linter: Linter, allowed: Set<Applicability>) -> Outcome {
        var current = bytes
        var applied = 0
        let lineEnding = LineEnding.detect(in: bytes)
        for _ in 0..<maximumPasses {
            let result = linter.lint(SourceText(bytes: current))
            let fixes = result.diagnostics.compactMap(\.fix).filter { allowed.contains($0.applicability) }
            let (next, count) = apply(fixes, to: current, lineEnding: lineEnding)
            if count == 0 || next == current {
                return Outcome(bytes: current, appliedCount: applied, remaining: result, converged: true)
            }
            applied += count
            current = next
        }
        let result = linter.lint(SourceText(bytes: current))
        let pending = result.diagnostics.contains { $0.fix.map { allowed.contains($0.applicability) } ?? false }
        return Outcome(bytes: current, appliedCount: applied, remaining: result, converged: !pending)
    }

    /// Applies the fixes that do not overlap an earlier one (a fix's edits go in together or
    /// not at all); returns the new bytes and how many fixes went in.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8], lineEnding: LineEnding) -> ([UInt8], Int) {
        var accepted: [TextEdit] = []
        var count = 0
        for fix in fixes {
            let edits = fix.edits.sorted { $0.range < $1.range }
            // The same fix offered for several findings (one definition for two references)
            // goes in once.
            if !edits.isEmpty && edits.allSatisfy({ accepted.contains($0) }) { continue }
            let clashes = edits.contains { edit in
                edit.range.end > bytes.count || accepted.contains { conflicts($0, edit) }
            } || zip(edits, edits.dropFirst()).contains { $0.range.start == $1.range.start || conflicts($0, $1) }
            guard !clashes else { continue }
            accepted += edits
            count += 1
        }
        guard !accepted.isEmpty else { return (bytes, 0) }
        // Insertions at one place go in in the order of their fixes (a stable sort).
        accepted = accepted.enumerated().sorted { ($0.element.range, $0.offset) < ($1.element.range, $1.offset) }.map(\.element)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in accepted {
            output += bytes[cursor..<edit.range.start]
            output += lineEnding.convert(edit.newText).utf8
            cursor = edit.range.end
        }
        output += bytes[cursor...]
        return (output, count)
    }

    /// Overlapping ranges conflict, and so does an insertion at or inside a replaced range.
    /// Two insertions at one place from different fixes do not: they go in in the order of
    /// the fixes (the findings' order), so that ten missing footnote definitions, all appended
    /// at the end, take one pass and not ten.
    private static func conflicts(_ a: TextEdit, _ b: TextEdit) -> Bool {
        let a = a.range, b = b.range
        if a.isEmpty && b.isEmpty { return false }
        return a.overlaps(b) || a.start == b.start || (a.isEmpty && b.contains(a.start)) || (b.isEmpty && a.contains(b.start))
    }
}

/// A file's line ending, kept when fixes insert lines.
public enum LineEnding: String, Sendable {
    case lf = "\n"
    case crlf = "\r\n"

    /// The style of the first line ending; LF when there is none.
    public static func detect(in bytes: [UInt8]) -> LineEnding {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return .lf }
        return newline > 0 && bytes[newline - 1] == 0x0D ? .crlf : .lf
    }

    public func convert(_ text: String) -> String {
        guard self == .crlf, text.contains("\n") else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    }
}
