import NoteLint

/// `--format junit`: one testsuite per file, one failing testcase per finding, or one passing
/// testcase for a clean file; CI systems show them as test results.
struct JUnitReporter: Reporter {
    var settings: String { "junit" }
    /// The opening tag counts the run's tests and failures.
    var streams: Bool { false }

    func render(_ file: FileReport) -> ReportPiece {
        let path = escape(file.path)
        let count = max(file.diagnostics.count, 1)
        var out = "  <testsuite name=\"\(path)\" tests=\"\(count)\" failures=\"\(file.diagnostics.count)\" errors=\"0\">\n"
        if file.diagnostics.isEmpty {
            out += "    <testcase classname=\"\(path)\" name=\"notelint\"/>\n"
        }
        for diagnostic in file.diagnostics {
            let range = PrintedRange(diagnostic.range, in: file.source)
            let place = "\(range.startLine):\(range.startColumn)"
            out += "    <testcase classname=\"\(path)\" name=\"\(escape(diagnostic.ruleID)) at \(place)\">\n"
            out += "      <failure type=\"\(escape(diagnostic.ruleID))\" message=\"\(escape(diagnostic.message))\">"
            out += escape("\(file.path):\(place): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.ruleID)]")
            out += "</failure>\n    </testcase>\n"
        }
        return ReportPiece(out + "  </testsuite>\n")
    }

    func finish(_ files: [RenderedFile], pieces: [ReportPiece], failures: [String], to output: Output) {
        let tests = files.reduce(0) { $0 + max($1.rules.values.reduce(0, +), 1) }
        let failures = files.reduce(0) { $0 + $1.rules.values.reduce(0, +) }
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        output.write("<testsuites name=\"notelint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n")
        for piece in pieces { output.write(piece) }
        output.write("</testsuites>\n")
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot hold, and the others
    /// `VisibleText` escapes, are written as `\x01`-style escapes.
    private func escape(_ text: String) -> String {
        var out = ""
        for scalar in VisibleText.escaped(text, keepingLineBreaks: true).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
