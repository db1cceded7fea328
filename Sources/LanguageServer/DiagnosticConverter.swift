import JSONRPC
import NoteLint
import NoteSyntax

/// Turns findings into LSP diagnostics. Each carries in `data` the edits its code actions
/// need (the fix, and the suppression comment), already in the client's coordinates, so
/// code actions never re-analyse the document.
struct DiagnosticConverter {
    let codec: PositionCodec
    let pages: RulePages
    let docsURL: String?

    /// At most this many diagnostics go to the editor for one document: a note with more is
    /// broken beyond what a list of findings helps with, and editors slow down on huge lists.
    static let maximumPerDocument = 5_000

    func convert(_ diagnostics: [Diagnostic], note: Note, document: Document) -> [JSON] {
        let lineEnding = LineEnding.detect(in: note.source.bytes)
        if diagnostics.count > Self.maximumPerDocument {
            Log.warning("\(document.uri): \(diagnostics.count) findings; sending the first \(Self.maximumPerDocument)")
        }
        return diagnostics.prefix(Self.maximumPerDocument).map { convert($0, note: note, document: document, lineEnding: lineEnding) }
    }

    private func convert(_ diagnostic: Diagnostic, note: Note, document: Document, lineEnding: LineEnding) -> JSON {
        let source = note.source
        var data: [(String, JSON)] = [("rule", .string(diagnostic.ruleID)), ("version", .int(document.version))]
        if let fix = diagnostic.fix {
            data.append(("fix", .object([
                ("title", .string(fix.title)),
                ("applicability", .string(fix.applicability.rawValue)),
                ("edits", .array(fix.edits.map { edit($0, source: source, lineEnding: lineEnding) })),
            ])))
        }
        if let disable = SuppressionEdit.edit(for: diagnostic, in: note, lineEnding: lineEnding) {
            data.append(("disable", .array([edit(disable, source: source, lineEnding: lineEnding)])))
        }
        let related: JSON? = diagnostic.related.isEmpty ? nil : .array(diagnostic.related.map { location in
            .object([
                ("location", .object([("uri", .string(document.uri)), ("range", codec.range(location.range, in: source))])),
                ("message", .string(location.message)),
            ])
        })
        let href = pages.href(for: diagnostic.ruleID, docsURL: docsURL)
        return .object([
            "range": codec.range(diagnostic.range, in: source),
            "severity": .int(severity(diagnostic.severity)),
            "code": .string(diagnostic.ruleID),
            "codeDescription": href.map { .object([("href", .string($0))]) },
            "source": .string("notelint"),
            "message": .string(diagnostic.message),
            "tags": diagnostic.tags.contains(.unnecessary) ? .array([.int(1)]) : nil,
            "relatedInformation": related,
            "data": .object(data),
        ])
    }

    func edit(_ edit: TextEdit, source: SourceText, lineEnding: LineEnding) -> JSON {
        .object([("range", codec.range(edit.range, in: source)), ("newText", .string(lineEnding.convert(edit.newText)))])
    }

    private func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .info: return 3
        }
    }
}
