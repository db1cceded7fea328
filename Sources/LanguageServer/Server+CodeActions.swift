import JSONRPC
import NoteLint
import NoteSyntax

extension Server {
    /// `textDocument/codeAction`: a quick fix per fixable finding (preferred when safe), a
    /// "Disable RULE here" per finding, and `source.fixAll.notelint`. Quick fixes and
    /// suppressions come from the diagnostics' `data`; only fix-all lints the document.
    func codeAction(_ request: PendingRequest, _ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string, let context = params["context"], context.isObject else {
            return request.fail(ErrorCode.invalidParams, "textDocument/codeAction needs `textDocument.uri` and `context`")
        }
        guard let document = documents[uri] else { return request.respond(.array([])) }
        let only = context["only"]?.array?.compactMap(\.string)
        let diagnostics = context["diagnostics"]?.array ?? []
        let codec = self.codec
        let range = params["range"].flatMap { codec.byteRange($0, in: document.source) } ?? ByteRange(0, 0)
        perform(request) { [self, lints] in
            var actions: [JSON] = []
            if Self.wants("quickfix", only) {
                for diagnostic in diagnostics where diagnostic["source"]?.string == "notelint" {
                    actions += Self.quickFixes(for: diagnostic, uri: uri, version: document.version)
                }
            }
            if Self.wants("source.fixAll.notelint", only), let fixAll = Self.fixAll(document, linter: lints.linter(for: document), codec: codec) {
                actions.append(fixAll)
            }
            actions += arxivActions(document, range: range, linter: lints.linter(for: document), only: only)
            request.respond(.array(actions))
        }
    }

    /// Whether `kind` was asked for: no filter, or a filter naming it or a parent kind.
    static func wants(_ kind: String, _ only: [String]?) -> Bool {
        guard let only else { return true }
        return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }

    static func quickFixes(for diagnostic: JSON, uri: String, version: Int) -> [JSON] {
        guard let data = diagnostic["data"], data["version"]?.int == version, let rule = data["rule"]?.string else { return [] }
        var actions: [JSON] = []
        if let fix = data["fix"], let title = fix["title"]?.string, let edits = fix["edits"],
           let applicability = fix["applicability"]?.string {
            actions.append(.object([
                ("title", .string(applicability == "safe" ? title : "\(title) (\(applicability))")),
                ("kind", .string("quickfix")),
                ("diagnostics", .array([diagnostic])),
                ("isPreferred", .bool(applicability == "safe")),
                ("edit", .object([("changes", .object([(uri, edits)]))])),
            ]))
        }
        if let disable = data["disable"] {
            actions.append(.object([
                ("title", .string("Disable \(rule) here")),
                ("kind", .string("quickfix")),
                ("diagnostics", .array([diagnostic])),
                ("edit", .object([("changes", .object([(uri, disable)]))])),
            ]))
        }
        return actions
    }

    /// Every safe fix, through the same applier as `notelint check --fix`, as one edit over
    /// the lines that changed.
    static func fixAll(_ document: Document, linter: Linter, codec: PositionCodec) -> JSON? {
        let outcome = FixApplier.fixAll(document.file.bytes, linter: linter, allowed: [.safe])
        let old = document.file.bytes, new = outcome.bytes
        guard old != new else { return nil }
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        // Whole lines, so the edit never splits a multi-byte character or a CRLF.
        let source = document.source
        let startLine = source.lineIndex.line(containing: prefix)
        let start = source.lineIndex.lineStarts[startLine]
        var end = old.count - suffix
        let endLine = source.lineIndex.line(containing: end)
        end = source.lineIndex.fullRange(ofLine: endLine).end
        let newEnd = new.count - (old.count - end)
        let replacement = String(decoding: new[start..<newEnd], as: UTF8.self)
        let edit = JSON.object([("range", codec.range(ByteRange(start, end), in: source)), ("newText", .string(replacement))])
        return .object([
            ("title", .string("Fix all safe notelint findings")),
            ("kind", .string("source.fixAll.notelint")),
            ("edit", .object([("changes", .object([(document.uri, .array([edit]))]))])),
        ])
    }
}
