import NoteLint

/// `--format github`: workflow commands that GitHub Actions turns into annotations on the
/// changed lines: `::error file=...,line=...,col=...,endLine=...,endColumn=...,title=RULE::message`.
struct GitHubReporter: Reporter {
    var settings: String { "github" }

    func render(_ file: FileReport) -> ReportPiece {
        var out = ""
        for diagnostic in file.diagnostics {
            let range = PrintedRange(diagnostic.range, in: file.source)
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            out +=
                "::\(command) file=\(property(file.path)),line=\(range.startLine),col=\(range.startColumn),"
                + "endLine=\(range.endLine),endColumn=\(range.endColumn),title=\(property(diagnostic.ruleID))::\(data(VisibleText.escaped(diagnostic.message, keepingLineBreaks: true)))\n"
        }
        return ReportPiece(out)
    }

    func end(_ files: [RenderedFile], wroteAny: Bool, failures: [String], to output: Output) {
        for failure in failures { output.write("::error title=notelint::\(data(VisibleText.escaped(failure, keepingLineBreaks: true)))\n") }
    }

    /// The escaping workflow commands require in a message (the log would still act on control
    /// characters, so the message is made visible first).
    private func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(
            of: "\n", with: "%0A")
    }

    /// In a property value, `:` and `,` are escaped too.
    private func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
