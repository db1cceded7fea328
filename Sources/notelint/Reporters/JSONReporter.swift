import JSONRPC
import NoteLint
import NoteSyntax

/// The `--format json` report: one array, one object per finding, keys in a fixed order.
/// This shape is a public interface (see the README): add keys, never change these.
struct JSONReporter: Reporter {
    var settings: String { "json" }

    /// One file's findings as array items, rendered on the worker that linted it, written
    /// straight into the text (`IndentedJSONWriter`), no tree of values built.
    func render(_ file: FileReport) -> ReportPiece {
        jsonItems(file, level: 1) { write($0, in: file, to: &$1) }
    }

    func write(piece: ReportPiece, first: Bool, to output: Output) {
        output.write(first ? "[\n" : ",\n")
        output.write(piece)
    }

    func end(_ files: [RenderedFile], wroteAny: Bool, failures: [String], to output: Output) {
        output.write(wroteAny ? "\n]\n" : "[]\n")
    }

    private func write(_ diagnostic: Diagnostic, in file: FileReport, to writer: inout IndentedJSONWriter) {
        writer.openObject()
        writer.key("path")
        writer.string(file.path)
        writer.key("rule")
        writer.string(diagnostic.ruleID)
        writer.key("severity")
        writer.string(diagnostic.severity.rawValue)
        writer.key("message")
        writer.string(diagnostic.message)
        writer.key("range")
        write(diagnostic.range, file.source, to: &writer)
        writer.key("related")
        if diagnostic.related.isEmpty {
            writer.null()
        } else {
            writer.openArray()
            for location in diagnostic.related {
                writer.element()
                writer.openObject()
                writer.key("path")
                writer.string(file.path)
                writer.key("range")
                write(location.range, file.source, to: &writer)
                writer.key("message")
                writer.string(location.message)
                writer.closeObject()
            }
            writer.closeArray()
        }
        writer.key("fix")
        if let fix = diagnostic.fix {
            writer.openObject()
            writer.key("title")
            writer.string(fix.title)
            writer.key("applicability")
            writer.string(fix.applicability.rawValue)
            writer.key("edits")
            writer.openArray()
            for edit in fix.edits {
                writer.element()
                writer.openObject()
                writer.key("range")
                write(edit.range, file.source, to: &writer)
                writer.key("newText")
                writer.string(edit.newText)
                writer.closeObject()
            }
            writer.closeArray()
            writer.closeObject()
        } else {
            writer.null()
        }
        writer.closeObject()
    }

    private func write(_ range: ByteRange, _ source: SourceText, to writer: inout IndentedJSONWriter) {
        let printed = PrintedRange(range, in: source)
        writer.openObject()
        writer.key("start")
        writer.openObject()
        writer.key("line")
        writer.int(printed.startLine)
        writer.key("column")
        writer.int(printed.startColumn)
        writer.closeObject()
        writer.key("end")
        writer.openObject()
        writer.key("line")
        writer.int(printed.endLine)
        writer.key("column")
        writer.int(printed.endColumn)
        writer.closeObject()
        writer.closeObject()
    }
}
