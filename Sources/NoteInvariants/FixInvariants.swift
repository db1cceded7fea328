import NoteLint
import NoteSyntax

/// What applying fixes must respect: only bytes inside the edits change, a second run changes
/// nothing, the fixed rules find no more than before, and line endings and the BOM stay.
public enum FixInvariants {
    /// Fixes `file` with the fixes in `allowed`, pass by pass as `FixApplier.fixAll` does,
    /// checking each pass, and returns the fixed content (BOM set aside).
    @discardableResult
    public static func check(_ file: NoteFile, linter: Linter, allowed: Set<Applicability>) throws -> [UInt8] {
        let original = file.bytes
        let lineEnding = LineEnding.detect(in: original)
        var current = original
        var firstResult: LintResult? = nil
        for _ in 0..<FixApplier.maximumPasses {
            let result = linter.lint(SourceText(bytes: current))
            if firstResult == nil { firstResult = result }
            let fixes = result.diagnostics.compactMap(\.fix).filter { allowed.contains($0.applicability) }
            let (next, count) = FixApplier.apply(fixes, to: current, lineEnding: lineEnding)
            if count == 0 || next == current { break }
            try checkOnlyEditedBytesChange(old: current, new: next, edits: fixes.flatMap(\.edits))
            current = next
        }

        let outcome = FixApplier.fixAll(original, linter: linter, allowed: allowed)
        guard outcome.converged else {
            throw Violation("fixes converge", "still changing after \(FixApplier.maximumPasses) passes")
        }
        guard outcome.bytes == current else {
            throw Violation("fixAll applies what each pass offers", "fixAll gave \(outcome.bytes.count) bytes, the passes \(current.count)")
        }
        let again = FixApplier.fixAll(outcome.bytes, linter: linter, allowed: allowed)
        guard again.bytes == outcome.bytes else {
            throw Violation("fixes are idempotent", "a second run changed \(outcome.bytes.count) bytes into \(again.bytes.count)")
        }

        let before = findingsByRule(firstResult!.diagnostics, allowed: allowed)
        let after = findingsByRule(outcome.remaining.diagnostics, allowed: nil)
        // Only for safe fixes: an unsafe one may delete lines (an unused footnote), and what
        // follows them may then read differently.
        for (rule, count) in before.fixable where allowed == [.safe] && (after.all[rule] ?? 0) > before.all[rule]! {
            throw Violation(
                "fixed rules find no more", "\(rule): \(before.all[rule]!) findings (\(count) fixable) before, \(after.all[rule]!) after")
        }

        try checkLineEndingsKept(old: original, new: outcome.bytes)
        let written = file.fileBytes(with: outcome.bytes)
        guard written.starts(with: NoteFile.bom) == (file.hasBOM || original.starts(with: NoteFile.bom)) else {
            throw Violation(
                "BOM kept", "the file \(file.hasBOM ? "had" : "had no") BOM; the fixed file \(file.hasBOM ? "lost it" : "gained one")")
        }
        try RangeInvariants.check(outcome.remaining.diagnostics, in: SourceText(bytes: outcome.bytes))
        return outcome.bytes
    }

    private static func findingsByRule(_ diagnostics: [Diagnostic], allowed: Set<Applicability>?) -> (
        all: [String: Int], fixable: [String: Int]
    ) {
        var all: [String: Int] = [:]
        var fixable: [String: Int] = [:]
        for diagnostic in diagnostics {
            all[diagnostic.ruleID, default: 0] += 1
            if let allowed, let fix = diagnostic.fix, allowed.contains(fix.applicability) { fixable[diagnostic.ruleID, default: 0] += 1 }
        }
        return (all, fixable)
    }

    /// The bytes outside every edit's range (the gaps between them) appear in `new` in
    /// order, the first at the start and the last at the end, with only replacement text
    /// between them.
    public static func checkOnlyEditedBytesChange(old: [UInt8], new: [UInt8], edits: [TextEdit]) throws {
        var gaps: [Range<Int>] = []
        var cursor = 0
        for range in edits.map(\.range).sorted() {
            if range.start > cursor { gaps.append(cursor..<range.start) }
            cursor = max(cursor, range.end)
        }
        gaps.append(cursor..<old.count)
        var low = 0
        var high = new.count
        if let first = gaps.first, first.lowerBound == 0 {
            guard new.starts(with: old[first]) else {
                throw Violation("fixes change only their edits", "the \(first.count) bytes before the first edit changed")
            }
            low = first.count
            gaps.removeFirst()
        }
        if let last = gaps.last, last.upperBound == old.count, !last.isEmpty {
            guard new.count - last.count >= low, new[(new.count - last.count)...].elementsEqual(old[last]) else {
                throw Violation("fixes change only their edits", "the \(last.count) bytes after the last edit changed")
            }
            high = new.count - last.count
            gaps.removeLast()
        }
        for gap in gaps where !gap.isEmpty {
            guard let found = new[low..<high].firstRange(of: old[gap]) else {
                throw Violation("fixes change only their edits", "the unedited bytes \(gap) are missing from the fixed text")
            }
            low = found.upperBound
        }
    }

    /// A file whose lines all end in LF keeps no CRLF, and one whose lines all end in CRLF
    /// gets no bare LF.
    public static func checkLineEndingsKept(old: [UInt8], new: [UInt8]) throws {
        let before = lineEndings(old)
        let after = lineEndings(new)
        if before.lf > 0 && before.crlf == 0 && after.crlf > 0 {
            throw Violation("line endings kept", "an LF file got \(after.crlf) CRLF line endings")
        }
        if before.crlf > 0 && before.lf == 0 && after.lf > 0 {
            throw Violation("line endings kept", "a CRLF file got \(after.lf) bare LF line endings")
        }
    }

    private static func lineEndings(_ bytes: [UInt8]) -> (lf: Int, crlf: Int) {
        var lf = 0
        var crlf = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if index > 0 && bytes[index - 1] == 0x0D { crlf += 1 } else { lf += 1 }
        }
        return (lf, crlf)
    }
}
