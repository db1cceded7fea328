import JSONRPC

extension LSP {
    enum DiagnosticSeverity: Int {
        case error = 1
        case warning = 2
        case information = 3
        case hint = 4
    }

    struct DiagnosticRelatedInformation: Hashable, ProtocolEncodable {
        let location: Location
        let message: String

        var json: JSON { .object([("location", location.json), ("message", .string(message))]) }
    }

    /// A diagnostic as notelint publishes it.
    struct Diagnostic: Hashable, ProtocolEncodable {
        let range: Range
        let severity: DiagnosticSeverity
        let code: String
        let href: String?
        let message: String
        let unnecessary: Bool
        let related: [DiagnosticRelatedInformation]
        let data: DiagnosticData

        static let source = "notelint"

        var json: JSON {
            .object([
                "range": range.json,
                "severity": .int(severity.rawValue),
                "code": .string(code),
                "codeDescription": href.map { .object([("href", .string($0))]) },
                "source": .string(Self.source),
                "message": .string(message),
                "tags": unnecessary ? .array([.int(1)]) : nil,
                "relatedInformation": related.isEmpty ? nil : .array(related.map(\.json)),
                "data": data.json,
            ])
        }
    }

    /// A diagnostic a client sends back in a code action request: any server's. Only
    /// notelint's own are read further (their `data`); `json` is what the client sent, to
    /// name it again in the actions.
    struct ClientDiagnostic: ProtocolDecodable {
        let json: JSON
        let range: Range
        let source: String?
        /// The contract notelint wrote, or nil for another server's diagnostic or one whose
        /// data this version cannot read.
        let data: DiagnosticData?

        init(decoding json: JSON, at path: String) throws(InvalidParams) {
            let object = try ProtocolObject(json, at: path)
            range = try object.required("range", as: Range.self)
            _ = try object.required("message", as: String.self)
            self.json = json
            source = try object.optional("source")
            data = source == Diagnostic.source ? object.any("data").flatMap { try? DiagnosticData(decoding: $0, at: "\(path).data") } : nil
        }
    }

    struct PublishDiagnosticsParams: ProtocolEncodable {
        let uri: String
        /// The document version the diagnostics were computed for; nil for a note not open.
        var version: Int? = nil
        /// The array of diagnostics, as a `DiagnosticRenderer` wrote it.
        let diagnostics: JSON

        var json: JSON { .object(["uri": .string(uri), "version": version.map { .int($0) }, "diagnostics": diagnostics]) }
    }

    /// A pulled report: the findings, or `unchanged` since the result the client holds.
    enum DocumentDiagnosticReport: ProtocolEncodable {
        case full(resultId: String?, items: [Diagnostic])
        case unchanged(resultId: String)

        var json: JSON { .object(members) }

        var members: [(String, JSON)] {
            switch self {
            case .full(let resultId, let items):
                return [("kind", .string("full"))] + (resultId.map { [("resultId", .string($0))] } ?? []) + [("items", items.json)]
            case .unchanged(let resultId):
                return [("kind", .string("unchanged")), ("resultId", .string(resultId))]
            }
        }
    }

    /// One note's report in `workspace/diagnostic`'s answer.
    struct WorkspaceDocumentDiagnosticReport: ProtocolEncodable {
        let uri: String
        /// The open document's version, or nil (sent as null) for a note read from disk.
        let version: Int?
        let report: DocumentDiagnosticReport

        var json: JSON { .object(report.members + [("uri", .string(uri)), ("version", version.map { .int($0) } ?? .null)]) }
    }
}

/// What a notelint diagnostic carries in `data`: written when the diagnostic is published,
/// read back when the client asks for its code actions, so those never lint again. The
/// edits are in the client's coordinates for the document version they name. The edit that
/// suppresses the finding is made when it is asked for, from that version's parse: every
/// finding has one, and making them all at each publish cost more than the rules.
struct DiagnosticData: Hashable, ProtocolDecodable, ProtocolEncodable {
    struct Fix: Hashable {
        let title: String
        /// `safe`, `unsafe` or `suggestion`, as the engine's `Fix.Applicability` names them.
        let applicability: String
        let edits: [LSP.TextEdit]
    }

    let rule: String
    let version: Int
    let fix: Fix?

    init(rule: String, version: Int, fix: Fix?) {
        self.rule = rule
        self.version = version
        self.fix = fix
    }

    init(decoding json: JSON, at path: String) throws(InvalidParams) {
        let object = try ProtocolObject(json, at: path)
        rule = try object.required("rule")
        version = try object.required("version")
        if let fix = object.any("fix") {
            let fixObject = try ProtocolObject(fix, at: "\(path).fix")
            self.fix = Fix(
                title: try fixObject.required("title"), applicability: try fixObject.required("applicability"),
                edits: try fixObject.required("edits"))
        } else {
            fix = nil
        }
    }

    var json: JSON {
        .object([
            "rule": .string(rule),
            "version": .int(version),
            "fix": fix.map { fix in
                .object([
                    ("title", .string(fix.title)), ("applicability", .string(fix.applicability)), ("edits", .array(fix.edits.map(\.json))),
                ])
            },
        ])
    }
}
