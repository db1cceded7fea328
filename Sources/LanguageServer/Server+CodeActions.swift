import JSONRPC
import NoteLint
import NoteSyntax

extension Server {
    /// `textDocument/codeAction`: a quick fix per fixable finding (preferred when safe), a
    /// "Disable RULE here" per finding, and `source.fixAll.notelint`. Quick fixes come from
    /// the diagnostics' `data`, suppressions from the version's parse; only fix-all lints the
    /// document.
    func codeAction(_ request: PendingRequest, _ params: LSP.CodeActionParams) {
        let uri = params.textDocument.uri
        guard let document = documents[uri] else { return request.respond(.array([])) }
        let only = params.context.only
        let diagnostics = params.context.diagnostics
        let codec = self.codec
        let range = codec.byteRange(params.range, in: document.source)
        perform(request) { [self, lints] in
            var actions: [LSP.CodeAction] = []
            if Self.wants("quickfix", only) {
                let note = diagnostics.isEmpty ? nil : document.note(lints.linter(for: document))
                let lineEnding = note.map { LineEnding.detect(in: $0.source.bytes) } ?? .lf
                for diagnostic in diagnostics {
                    actions += Self.quickFixes(for: diagnostic, in: document, note: note, lineEnding: lineEnding, codec: codec)
                }
            }
            if Self.wants("source.fixAll.notelint", only),
                let fixAll = Self.fixAll(document, linter: lints.linter(for: document), codec: codec)
            {
                actions.append(fixAll)
            }
            actions += arxivActions(document, range: range, linter: lints.linter(for: document), only: only)
            request.respond(actions.json)
        }
    }

    /// Whether `kind` was asked for: no filter, or a filter naming it or a parent kind.
    static func wants(_ kind: String, _ only: [String]?) -> Bool {
        guard let only else { return true }
        return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }

    /// The fix a notelint diagnostic of this version carries, and its suppression; nothing for
    /// another server's diagnostic or one computed for an older version of the text.
    static func quickFixes(
        for diagnostic: LSP.ClientDiagnostic, in document: Document, note: Note?, lineEnding: LineEnding, codec: PositionCodec
    ) -> [LSP.CodeAction] {
        let uri = document.uri
        guard let data = diagnostic.data, data.version == document.version, let note else { return [] }
        var actions: [LSP.CodeAction] = []
        if let fix = data.fix {
            let safe = fix.applicability == Applicability.safe.rawValue
            actions.append(
                LSP.CodeAction(
                    title: safe ? fix.title : "\(fix.title) (\(fix.applicability))", kind: "quickfix",
                    diagnostics: [diagnostic.json], isPreferred: safe, edit: LSP.WorkspaceEdit(uri: uri, edits: fix.edits)))
        }
        let finding = Diagnostic(
            ruleID: data.rule, severity: .warning, message: "", range: codec.byteRange(diagnostic.range, in: document.source))
        if let disable = SuppressionEdit.edit(for: finding, in: note, lineEnding: lineEnding) {
            let edits = [LSP.TextEdit(range: codec.range(disable.range, in: note.source), newText: lineEnding.convert(disable.newText))]
            actions.append(
                LSP.CodeAction(
                    title: "Disable \(data.rule) here", kind: "quickfix", diagnostics: [diagnostic.json],
                    edit: LSP.WorkspaceEdit(uri: uri, edits: edits)))
        }
        return actions
    }

    /// Every safe fix, as one edit over the lines that change (`FixAllEdits`).
    static func fixAll(_ document: Document, linter: Linter, codec: PositionCodec) -> LSP.CodeAction? {
        guard let edit = FixAllEdits.single(document.file.bytes, linter: linter) else { return nil }
        return LSP.CodeAction(
            title: "Fix all safe notelint findings", kind: "source.fixAll.notelint",
            edit: LSP.WorkspaceEdit(uri: document.uri, edits: [codec.edit(edit, in: document.source)]))
    }
}
