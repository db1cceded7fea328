import NoteLint
import NoteSyntax

/// What was found in one file, with what the reporters need to place it.
struct FileReport {
    let path: String
    let source: SourceText
    let diagnostics: [Diagnostic]
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
