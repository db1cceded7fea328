import NoteLint
import NoteSyntax

/// `path:line:column: severity: message [rule]`, optionally with the source line and a caret
/// under the range, then a summary line.
struct TextReporter: Reporter {
    let style: Style
    let showSource: Bool
    let showSummary: Bool

    var settings: String { "text:\(style.enabled):\(showSource):\(showSummary)" }

    /// One file's findings, rendered on the worker that linted it.
    func render(_ file: FileReport) -> ReportPiece {
        var out = ""
        out.reserveCapacity(file.diagnostics.count * (file.path.utf8.count + 96))
        let path = VisibleText.escaped(file.path)
        for diagnostic in file.diagnostics {
            appendHeadline(diagnostic, path: path, in: file, to: &out)
            out += "\n"
            if showSource { out += snippet(diagnostic.range, in: file.source) }
        }
        return ReportPiece(out)
    }

    func end(_ files: [RenderedFile], wroteAny: Bool, failures: [String], to output: Output) {
        guard showSummary else { return }
        var counts: [Severity: Int] = [:]
        for file in files {
            for (severity, count) in file.counts { counts[severity, default: 0] += count }
        }
        let summary =
            [count(counts[.error] ?? 0, "error"), count(counts[.warning] ?? 0, "warning"), count(counts[.info] ?? 0, "info")]
            .joined(separator: ", ") + " in " + count(files.count, "file")
        output.line(style.bold(summary))
        let fillable = files.reduce(0) { $0 + $1.fillable }
        if fillable > 0 {
            let records =
                fillable == 1
                ? "1 record links an arXiv paper and could be completed from its metadata"
                : "\(fillable) records link arXiv papers and could be completed from their metadata"
            output.line(style.dim("hint: \(records): `notelint fill`"))
        }
    }

    /// `path:line:column: severity: message [rule]`, appended piece by piece: the findings of a
    /// large vault are mostly this line, and interpolating it built and copied a string per piece.
    func appendHeadline(_ diagnostic: Diagnostic, path: String, in file: FileReport, to out: inout String) {
        let start = file.source.lineIndex.position(of: diagnostic.range.start, in: .unicodeScalar)
        let severity: String
        switch diagnostic.severity {
        case .error: severity = style.red("error")
        case .warning: severity = style.yellow("warning")
        case .info: severity = style.blue("info")
        }
        guard !style.enabled else {
            out += style.bold("\(path):\(start.line + 1):\(start.column + 1):") + " \(severity): "
            out += VisibleText.escaped(diagnostic.message) + " " + style.dim("[\(diagnostic.ruleID)]")
            return
        }
        out += path
        out += ":"
        out += String(start.line + 1)
        out += ":"
        out += String(start.column + 1)
        out += ": "
        out += severity
        out += ": "
        out += VisibleText.escaped(diagnostic.message)
        out += " ["
        out += diagnostic.ruleID
        out += "]"
    }

    /// The first line of the range, numbered, with carets under the range's part of it.
    func snippet(_ range: ByteRange, in source: SourceText) -> String {
        let excerpt = SourceExcerpt(range, in: source)
        let number = String(excerpt.line + 1)
        let gutter = String(repeating: " ", count: number.count)
        let carets = String(repeating: " ", count: excerpt.caretOffset) + String(repeating: "^", count: excerpt.caretWidth)
        return style.dim("\(number) | ") + excerpt.text + "\n" + style.dim("\(gutter) | ") + style.cyan(carets) + "\n"
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

/// Terminal columns a scalar takes: 0 for combining marks, 2 for wide East Asian characters
/// and emoji, 1 otherwise.
enum DisplayWidth {
    static func of(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
