import JSONRPC
import LanguageServer
import NoteLint
import NoteSyntax

/// `--format sarif`: SARIF 2.1.0, one run. The tool lists every rule with its help text (the
/// rule's page) and, when the page is installed, its `file:` URI; results carry locations,
/// related locations and fixes. Columns count Unicode code points, as everywhere in notelint.
struct SarifReporter: Reporter {
    let pages: RulePages
    var settings: String { "sarif:" + (pages.localFolder ?? "") }
    private static let ruleIndex: [String: Int] = Dictionary(
        uniqueKeysWithValues: RuleRegistry.descriptions.enumerated().map { ($1.id, $0) })

    /// One file's results as array items, written straight into the text, as the JSON report
    /// writes its findings.
    func render(_ file: FileReport) -> ReportPiece {
        let uri = uriReference(file.path)
        return jsonItems(file, level: 4) { write($0, in: file, uri: uri, to: &$1) }
    }

    /// Everything before the results; `invocations`, which only the end of the run knows,
    /// comes after them, so a run that stopped midway still ends a valid report.
    func begin(to output: Output) {
        let rules = JSON.array(RuleRegistry.descriptions.map(rule))
        let driver = JSON.object([
            ("name", .string("notelint")),
            ("version", .string(Notelint.version)),
            ("semanticVersion", .string(Notelint.version)),
            ("rules", rules),
        ])
        var out = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
        out += "      \"tool\": "
        JSON.object([("driver", driver)]).write(into: &out, indent: 3)
        out += ",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ["
        output.write(out)
    }

    func write(piece: ReportPiece, first: Bool, to output: Output) {
        output.write(first ? "\n" : ",\n")
        output.write(piece)
    }

    func end(_ files: [RenderedFile], wroteAny: Bool, failures: [String], to output: Output) {
        var out = wroteAny ? "\n      ],\n      \"invocations\": " : "],\n      \"invocations\": "
        invocations(failures).write(into: &out, indent: 3)
        out += "\n    }\n  ]\n}\n"
        output.write(out)
    }

    /// Whether the run checked everything; what stopped it, as error notifications.
    private func invocations(_ failures: [String]) -> JSON {
        let notifications: JSON? =
            failures.isEmpty
            ? nil : .array(failures.map { .object(["level": .string("error"), "message": .object(["text": .string($0)])]) })
        return .array([.object(["executionSuccessful": .bool(failures.isEmpty), "toolExecutionNotifications": notifications])])
    }

    private func rule(_ description: RuleDescription) -> JSON {
        .object([
            "id": .string(description.id),
            "shortDescription": .object([("text", .string(description.summary))]),
            "fullDescription": .object([("text", .string(description.rationale))]),
            "help": .object([("text", .string(description.rationale)), ("markdown", .string(RulePage.markdown(for: description)))]),
            "helpUri": pages.href(for: description.id, docsURL: nil).map { .string($0) },
            "defaultConfiguration": .object([("level", .string(level(description.defaultSeverity)))]),
            "properties": .object([("fix", .string(description.fix?.rawValue ?? "none"))]),
        ])
    }

    /// `uri`: the file's, as `uriReference` writes it (once a file).
    private func write(_ diagnostic: Diagnostic, in file: FileReport, uri: String, to writer: inout IndentedJSONWriter) {
        writer.openObject()
        writer.key("ruleId")
        writer.string(diagnostic.ruleID)
        if let index = Self.ruleIndex[diagnostic.ruleID] {
            writer.key("ruleIndex")
            writer.int(index)
        }
        writer.key("level")
        writer.string(level(diagnostic.severity))
        writer.key("message")
        writeText(diagnostic.message, to: &writer)
        writer.key("locations")
        writer.openArray()
        writer.element()
        writer.openObject()
        writer.key("physicalLocation")
        writePhysicalLocation(diagnostic.range, in: file, uri: uri, to: &writer)
        writer.closeObject()
        writer.closeArray()
        if !diagnostic.related.isEmpty {
            writer.key("relatedLocations")
            writer.openArray()
            for (index, location) in diagnostic.related.enumerated() {
                writer.element()
                writer.openObject()
                writer.key("id")
                writer.int(index + 1)
                writer.key("physicalLocation")
                writePhysicalLocation(location.range, in: file, uri: uri, to: &writer)
                writer.key("message")
                writeText(location.message, to: &writer)
                writer.closeObject()
            }
            writer.closeArray()
        }
        if let fix = diagnostic.fix {
            writer.key("fixes")
            writer.openArray()
            writer.element()
            writer.openObject()
            writer.key("description")
            writeText(fix.title, to: &writer)
            writer.key("artifactChanges")
            writer.openArray()
            writer.element()
            writer.openObject()
            writer.key("artifactLocation")
            writeArtifact(uri, to: &writer)
            writer.key("replacements")
            writer.openArray()
            for edit in fix.edits {
                writer.element()
                writer.openObject()
                writer.key("deletedRegion")
                writeRegion(edit.range, in: file, to: &writer)
                writer.key("insertedContent")
                writeText(edit.newText, to: &writer)
                writer.closeObject()
            }
            writer.closeArray()
            writer.closeObject()
            writer.closeArray()
            writer.closeObject()
            writer.closeArray()
        }
        writer.key("properties")
        writer.openObject()
        writer.key("applicability")
        writer.string(diagnostic.fix?.applicability.rawValue ?? "none")
        writer.closeObject()
        writer.closeObject()
    }

    /// `{"text": text}`.
    private func writeText(_ text: String, to writer: inout IndentedJSONWriter) {
        writer.openObject()
        writer.key("text")
        writer.string(text)
        writer.closeObject()
    }

    private func writePhysicalLocation(_ range: ByteRange, in file: FileReport, uri: String, to writer: inout IndentedJSONWriter) {
        writer.openObject()
        writer.key("artifactLocation")
        writeArtifact(uri, to: &writer)
        writer.key("region")
        writeRegion(range, in: file, to: &writer)
        writer.closeObject()
    }

    private func writeArtifact(_ uri: String, to writer: inout IndentedJSONWriter) {
        writer.openObject()
        writer.key("uri")
        writer.string(uri)
        writer.closeObject()
    }

    private func writeRegion(_ range: ByteRange, in file: FileReport, to writer: inout IndentedJSONWriter) {
        let printed = PrintedRange(range, in: file.source)
        writer.openObject()
        writer.key("startLine")
        writer.int(printed.startLine)
        writer.key("startColumn")
        writer.int(printed.startColumn)
        writer.key("endLine")
        writer.int(printed.endLine)
        writer.key("endColumn")
        writer.int(printed.endColumn)
        writer.closeObject()
    }

    private func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A relative path as a URI reference: unreserved characters and `/` as they are, the rest
    /// percent-encoded. An absolute path becomes a `file:` URI.
    private func uriReference(_ path: String) -> String {
        if path.hasPrefix("/") { return DocumentURI.fileURI(path) }
        let hex: StaticString = "0123456789ABCDEF"
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex.utf8Start[Int(byte >> 4)])
                out.append(hex.utf8Start[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

}
