import NoteLint
import NoteSyntax

/// The `--format json` report: one array, one object per finding, keys in a fixed order.
/// This shape is a public interface (see the README): add keys, never change these.
struct JSONReporter: Reporter {
    /// One file's findings as array items, rendered on the worker that linted it.
    func render(_ file: FileReport) -> String {
        var out = ""
        for (index, diagnostic) in file.diagnostics.enumerated() {
            if index > 0 { out += ",\n" }
            out += "  "
            object(diagnostic, in: file).write(into: &out, indent: 1)
        }
        return out
    }

    func finish(_ files: [RenderedFile], to output: Output) {
        let items = files.map(\.text).filter { !$0.isEmpty }
        output.write(items.isEmpty ? "[]\n" : "[\n" + items.joined(separator: ",\n") + "\n]\n")
    }

    private func object(_ diagnostic: Diagnostic, in file: FileReport) -> JSONValue {
        let related: JSONValue = diagnostic.related.isEmpty ? .null : .array(diagnostic.related.map { location in
            .object([("path", .string(file.path)), ("range", range(location.range, file.source)), ("message", .string(location.message))])
        })
        let fix: JSONValue = diagnostic.fix.map { fix in
            .object([
                ("title", .string(fix.title)),
                ("applicability", .string(fix.applicability.rawValue)),
                ("edits", .array(fix.edits.map { edit in
                    .object([("range", range(edit.range, file.source)), ("newText", .string(edit.newText))])
                })),
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

    private func range(_ range: ByteRange, _ source: SourceText) -> JSONValue {
        let printed = PrintedRange(range, in: source)
        return .object([
            ("start", .object([("line", .int(printed.startLine)), ("column", .int(printed.startColumn))])),
            ("end", .object([("line", .int(printed.endLine)), ("column", .int(printed.endColumn))])),
        ])
    }
}

/// A minimal JSON value that renders with keys in insertion order and two-space indentation.
indirect enum JSONValue {
    case null
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    func rendered(indent: Int = 0) -> String {
        var out = ""
        write(into: &out, indent: indent)
        return out
    }

    /// Appends the rendering to `out`: one buffer for a whole file's findings.
    func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .int(let value): out += String(value)
        case .string(let value): out += JSONValue.quote(value)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                JSONValue.pad(&out, indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += index + 1 < items.count ? ",\n" : "\n"
            }
            JSONValue.pad(&out, indent)
            out += "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, pair) in pairs.enumerated() {
                JSONValue.pad(&out, indent + 1)
                out += JSONValue.quote(pair.0)
                out += ": "
                pair.1.write(into: &out, indent: indent + 1)
                out += index + 1 < pairs.count ? ",\n" : "\n"
            }
            JSONValue.pad(&out, indent)
            out += "}"
        }
    }

    private static func pad(_ out: inout String, _ level: Int) {
        for _ in 0..<level { out += "  " }
    }

    static func quote(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
