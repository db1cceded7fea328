import JSONRPC
import NoteLint
import NoteSyntax

/// The `--format json` report: one array, one object per finding, keys in a fixed order.
/// This shape is a public interface (see the README): add keys, never change these.
struct JSONReporter: Reporter {
    var settings: String { "json" }

    /// One file's findings as array items, rendered on the worker that linted it.
    func render(_ file: FileReport) -> String {
        jsonItems(file, level: 1) { object($0, in: file) }
    }

    func write(piece: String, first: Bool, to output: Output) {
        output.write(first ? "[\n" : ",\n")
        output.write(piece)
    }

    func end(_ files: [RenderedFile], wroteAny: Bool, failures: [String], to output: Output) {
        output.write(wroteAny ? "\n]\n" : "[]\n")
    }

    private func object(_ diagnostic: Diagnostic, in file: FileReport) -> JSON {
        let related: JSON =
            diagnostic.related.isEmpty
            ? .null
            : .array(
                diagnostic.related.map { location in
                    .object([
                        ("path", .string(file.path)), ("range", range(location.range, file.source)), ("message", .string(location.message)),
                    ])
                })
        let fix: JSON =
            diagnostic.fix.map { fix in
                .object([
                    ("title", .string(fix.title)),
                    ("applicability", .string(fix.applicability.rawValue)),
                    (
                        "edits",
                        .array(
                            fix.edits.map { edit in
                                .object([("range", range(edit.range, file.source)), ("newText", .string(edit.newText))])
                            })
                    ),
                ])
            } ?? .null
        return .object([
            ("path", .string(file.path)),
            ("rule", .string(diagnostic.ruleID)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("range", range(diagnostic.range, file.source)),
            ("related", related),
            ("fix", fix),
        ])
    }

    private func range(_ range: ByteRange, _ source: SourceText) -> JSON {
        let printed = PrintedRange(range, in: source)
        return .object([
            ("start", .object([("line", .int(printed.startLine)), ("column", .int(printed.startColumn))])),
            ("end", .object([("line", .int(printed.endLine)), ("column", .int(printed.endColumn))])),
        ])
    }
}
