import NoteLint
import NoteSyntax

/// What was found in one file, with what the reporters need to place it.
struct FileReport {
    let path: String
    let source: SourceText
    let diagnostics: [Diagnostic]
}

/// One file's findings, already rendered in the output format: workers render as they go,
/// so a run holds the report text, not every file's source.
struct RenderedFile {
    let path: String
    /// One rendering per reporter of the run, in the order of `Reporters.all`.
    let texts: [String]
    let counts: [Severity: Int]
    /// Findings per rule, for `--statistics`.
    let rules: [String: Int]
    let worst: Severity?

    init(_ report: FileReport, reporters: Reporters) {
        path = report.path
        texts = reporters.all.map { $0.render(report) }
        counts = report.diagnostics.reduce(into: [:]) { $0[$1.severity, default: 0] += 1 }
        rules = report.diagnostics.reduce(into: [:]) { $0[$1.ruleID, default: 0] += 1 }
        worst = report.diagnostics.map(\.severity).max()
    }

    var text: String { texts[0] }
}

/// The reporters of a run: the terminal's, and the `--output-file`'s when there is one.
struct Reporters: Sendable {
    let all: [any Reporter]
}

/// Renders one file's findings; the pieces are joined in file order by `finish`.
protocol Reporter: Sendable {
    func render(_ file: FileReport) -> String
    /// Writes the whole report; `pieces` are this reporter's renderings, in file order.
    func finish(_ files: [RenderedFile], pieces: [String], to output: Output)
}


/// Positions as every output format prints them: lines and columns 1-based, columns counted in
/// Unicode scalars, ends exclusive.
struct PrintedRange {
    let startLine: Int
    let startColumn: Int
    let endLine: Int
    let endColumn: Int

    init(_ range: ByteRange, in source: SourceText) {
        let start = source.lineIndex.position(of: range.start, in: .unicodeScalar)
        let end = source.lineIndex.position(of: range.end, in: .unicodeScalar)
        startLine = start.line + 1
        startColumn = start.column + 1
        endLine = end.line + 1
        endColumn = end.column + 1
    }
}
