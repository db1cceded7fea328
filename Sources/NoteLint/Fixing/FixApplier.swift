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
    public static func fixAll(_ bytes: [UInt8], linter: Linter, allowed: Set<Applicability>, path: String? = nil) -> Outcome {
        var current = bytes
        var applied = 0
        let lineEnding = LineEnding.detect(in: bytes)
        for _ in 0..<maximumPasses {
            let result = linter.lint(SourceText(bytes: current), path: path)
            let fixes = result.diagnostics.compactMap(\.fix).filter { allowed.contains($0.applicability) }
            let (next, count) = apply(fixes, to: current, lineEnding: lineEnding)
            if count == 0 || next == current {
                return Outcome(bytes: current, appliedCount: applied, remaining: result, converged: true)
            }
            applied += count
            current = next
        }
        let result = linter.lint(SourceText(bytes: current), path: path)
        let pending = result.diagnostics.contains { $0.fix.map { allowed.contains($0.applicability) } ?? false }
        return Outcome(bytes: current, appliedCount: applied, remaining: result, converged: !pending)
    }

    /// Applies the fixes that do not overlap an earlier one (a fix's edits go in together or
    /// not at all); returns the new bytes and how many fixes went in.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8], lineEnding: LineEnding) -> ([UInt8], Int) {
        var refused = Set<Int>()
        while true {
            let (accepted, count) = accept(fixes, in: bytes, lineEnding: lineEnding, refusing: refused)
            guard !accepted.isEmpty else { return (bytes, 0) }
            let (output, joiners) = write(accepted, over: bytes, lineEnding: lineEnding)
            guard !joiners.isEmpty else { return (output, count) }
            // Two edits side by side joined a bare CR and an LF (a deletion up to a CR, an
            // insertion starting with LF): the later one waits for the next pass, where it is
            // checked against the text as the first left it.
            refused.formUnion(joiners)
        }
    }

    private static func accept(
        _ fixes: [Fix], in bytes: [UInt8], lineEnding: LineEnding,
        refusing refused: Set<Int>
    ) -> (AcceptedEdits, Int) {
        var accepted = AcceptedEdits()
        var count = 0
        for (index, fix) in fixes.enumerated() where !refused.contains(index) {
            let edits = fix.edits.sorted { $0.range < $1.range }
            // The same fix offered for several findings (one definition for two references)
            // goes in once.
            if !edits.isEmpty && edits.allSatisfy({ accepted.contains($0) }) { continue }
            let clashes =
                edits.contains { edit in
                    edit.range.end > bytes.count || accepted.conflicts(edit) || joinsCRWithLF(edit, in: bytes, lineEnding: lineEnding)
                }
                || zip(edits, edits.dropFirst()).contains {
                    $0.range.start == $1.range.start || $0.range.overlaps($1.range) || $0.range.end > $1.range.start
                }
            guard !clashes else { continue }
            for edit in edits { accepted.insert(edit, owner: index) }
            count += 1
        }
        return (accepted, count)
    }

    /// The bytes with the accepted edits made, and the fixes whose edit, next to another's,
    /// made one CRLF of a bare CR and an LF that were not one before (for each such edge, the
    /// fix of the edit that comes later).
    private static func write(_ accepted: AcceptedEdits, over bytes: [UInt8], lineEnding: LineEnding) -> ([UInt8], Set<Int>) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        // Where each edit's text begins and ends in the output, and whether the original had a
        // CRLF across that edge already (an edit may keep one).
        var edges: [(point: Int, wasCRLF: Bool, owner: Int)] = []
        func isCRLF(at offset: Int) -> Bool {
            offset > 0 && offset < bytes.count && bytes[offset - 1] == 0x0D && bytes[offset] == 0x0A
        }
        for (edit, owner) in accepted.sorted {
            output += bytes[cursor..<edit.range.start]
            edges.append((output.count, isCRLF(at: edit.range.start), owner))
            output += lineEnding.convert(edit.newText).utf8
            edges.append((output.count, isCRLF(at: edit.range.end), owner))
            cursor = edit.range.end
        }
        output += bytes[cursor...]
        // Several edges can meet at one point (a deletion's end, an insertion's start): the
        // last of them belongs to the later edit.
        var joiners = Set<Int>()
        for (index, edge) in edges.enumerated()
        where !edge.wasCRLF && edge.point > 0 && edge.point < output.count && output[edge.point - 1] == 0x0D && output[edge.point] == 0x0A
            && (index + 1 == edges.count || edges[index + 1].point != edge.point)
        {
            joiners.insert(edge.owner)
        }
        return (output, joiners)
    }

    /// An edit that would put a bare CR (a line break of its own) next to an LF, making one
    /// CRLF of two line breaks, is not applied: it would change the line's structure and the
    /// file's line endings. Only files with lone CRs meet this.
    private static func joinsCRWithLF(_ edit: TextEdit, in bytes: [UInt8], lineEnding: LineEnding) -> Bool {
        let text = Array(lineEnding.convert(edit.newText).utf8)
        let start = edit.range.start
        let end = edit.range.end
        let before: UInt8? = start > 0 ? bytes[start - 1] : nil
        let after: UInt8? = end < bytes.count ? bytes[end] : nil
        let wasCRLFAtStart = before == 0x0D && start < bytes.count && bytes[start] == 0x0A
        let wasCRLFAtEnd = after == 0x0A && end > 0 && bytes[end - 1] == 0x0D
        if before == 0x0D && (text.first ?? after) == 0x0A && !wasCRLFAtStart { return true }
        if after == 0x0A && (text.last ?? before) == 0x0D && !wasCRLFAtEnd { return true }
        return false
    }
}

/// A file's line ending, kept when fixes insert lines.
public enum LineEnding: String, Sendable {
    case lf = "\n"
    case crlf = "\r\n"

    /// The style most line endings have (the first one's on a tie); LF when there is none.
    /// Not the first one's alone: a fix that changes the first line would then change the
    /// style, and a second run of the fixes would insert differently.
    public static func detect(in bytes: [UInt8]) -> LineEnding {
        bytes.withUnsafeBufferPointer { bytes in
            guard let first = ByteSearch.first(0x0A, in: bytes, from: 0, to: bytes.count) else { return .lf }
            var crlf = 0
            var lf = 0
            var next: Int? = first
            while let index = next {
                if index > 0 && bytes[index - 1] == 0x0D { crlf += 1 } else { lf += 1 }
                next = ByteSearch.first(0x0A, in: bytes, from: index + 1, to: bytes.count)
            }
            if crlf != lf { return crlf > lf ? .crlf : .lf }
            return first > 0 && bytes[first - 1] == 0x0D ? .crlf : .lf
        }
    }

    public func convert(_ text: String) -> String {
        guard self == .crlf, text.contains(ascii: "\n") else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    }
}
