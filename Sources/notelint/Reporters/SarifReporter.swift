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

    func render(_ file: FileReport) -> String {
        jsonItems(file, level: 4) { result($0, in: file) }
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

    func write(piece: String, first: Bool, to output: Output) {
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

    private func result(_ diagnostic: Diagnostic, in file: FileReport) -> JSON {
        let related: JSON? =
            diagnostic.related.isEmpty
            ? nil
            : .array(
                diagnostic.related.enumerated().map { index, location in
                    .object([
                        ("id", .int(index + 1)),
                        ("physicalLocation", physicalLocation(location.range, in: file)),
                        ("message", .object([("text", .string(location.message))])),
                    ])
                })
        let fixes: JSON? = diagnostic.fix.map { fix in
            .array([
                .object([
                    ("description", .object([("text", .string(fix.title))])),
                    (
                        "artifactChanges",
                        .array([
                            .object([
                                ("artifactLocation", artifact(file.path)),
                                (
                                    "replacements",
                                    .array(
                                        fix.edits.map { edit in
                                            .object([
                                                ("deletedRegion", region(edit.range, in: file)),
                                                ("insertedContent", .object([("text", .string(edit.newText))])),
                                            ])
                                        })
                                ),
                            ])
                        ])
                    ),
                ])
            ])
        }
        return .object([
            "ruleId": .string(diagnostic.ruleID),
            "ruleIndex": Self.ruleIndex[diagnostic.ruleID].map { .int($0) },
            "level": .string(level(diagnostic.severity)),
            "message": .object([("text", .string(diagnostic.message))]),
            "locations": .array([.object([("physicalLocation", physicalLocation(diagnostic.range, in: file))])]),
            "relatedLocations": related,
            "fixes": fixes,
            "properties": .object([("applicability", .string(diagnostic.fix?.applicability.rawValue ?? "none"))]),
        ])
    }

    private func physicalLocation(_ range: ByteRange, in file: FileReport) -> JSON {
        .object([("artifactLocation", artifact(file.path)), ("region", region(range, in: file))])
    }

    private func artifact(_ path: String) -> JSON {
        .object([("uri", .string(uriReference(path)))])
    }

    private func region(_ range: ByteRange, in file: FileReport) -> JSON {
        let printed = PrintedRange(range, in: file.source)
        return .object([
            ("startLine", .int(printed.startLine)), ("startColumn", .int(printed.startColumn)),
            ("endLine", .int(printed.endLine)), ("endColumn", .int(printed.endColumn)),
        ])
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
        var out = ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (character.isLetter || character.isNumber || "-._~/".contains(character)) {
                out.append(character)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
