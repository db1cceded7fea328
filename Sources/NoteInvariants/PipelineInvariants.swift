import NoteLint
import NoteSyntax

/// The whole pipeline on arbitrary bytes: read as a file (BOM set aside), parse, lint with
/// every rule, check the findings' ranges, apply the safe fixes and then every fix, and re-lint.
public enum PipelineInvariants {
    /// Every rule enabled with its default options; a fixed day so dates do not drift.
    public static func makeLinter() -> Linter {
        // The default configuration enables every rule.
        try! Linter(configuration: .defaults, today: CalendarDay(year: 2026, month: 11, day: 29))
    }

    public static func check(_ raw: [UInt8], linter: Linter) throws {
        let file = NoteFile.removingBOM(raw)
        let source = SourceText(bytes: file.bytes)
        guard source.count == file.bytes.count else {
            throw Violation("offsets are file offsets", "\(file.bytes.count) bytes parsed as \(source.count)")
        }
        let result = linter.lint(source)
        try RangeInvariants.check(result.diagnostics, in: source)
        try FixInvariants.check(file, linter: linter, allowed: [.safe])
        try FixInvariants.check(file, linter: linter, allowed: Set(Applicability.allCases))
    }
}
