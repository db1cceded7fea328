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

    func convert(_ diagnostics: [Diagnostic], note: Note, document: Document) -> [LSP.Diagnostic] {
        guard !diagnostics.isEmpty else { return [] }
        let lineEnding = LineEnding.detect(in: note.source.bytes)
        return sent(diagnostics, document: document).map { convert($0, note: note, document: document, lineEnding: lineEnding) }
    }

    /// The findings that go to the editor: the first `maximumPerDocument`.
    func sent(_ diagnostics: [Diagnostic], document: Document) -> ArraySlice<Diagnostic> {
        if diagnostics.count > Self.maximumPerDocument {
            Log.warning("\(document.uri): \(diagnostics.count) findings; sending the first \(Self.maximumPerDocument)")
        }
        return diagnostics.prefix(Self.maximumPerDocument)
    }

    /// `diagnostic` for the editor; `lineEnding` is the note's, which inserted line breaks follow.
    func convert(_ diagnostic: Diagnostic, note: Note, document: Document, lineEnding: LineEnding) -> LSP.Diagnostic {
        let source = note.source
        let fix = diagnostic.fix.map { fix in
            DiagnosticData.Fix(
                title: fix.title, applicability: fix.applicability.rawValue,
                edits: fix.edits.map { edit($0, source: source, lineEnding: lineEnding) })
        }
        let related = diagnostic.related.map { location in
            LSP.DiagnosticRelatedInformation(
                location: LSP.Location(uri: document.uri, range: codec.range(location.range, in: source)),
                message: location.message)
        }
        return LSP.Diagnostic(
            range: codec.range(diagnostic.range, in: source), severity: severity(diagnostic.severity),
            code: diagnostic.ruleID, href: pages.href(for: diagnostic.ruleID, docsURL: docsURL),
            message: diagnostic.message, unnecessary: diagnostic.tags.contains(.unnecessary), related: related,
            data: DiagnosticData(rule: diagnostic.ruleID, version: document.version, fix: fix))
    }

    func edit(_ edit: TextEdit, source: SourceText, lineEnding: LineEnding) -> LSP.TextEdit {
        LSP.TextEdit(range: codec.range(edit.range, in: source), newText: lineEnding.convert(edit.newText))
    }

    private func severity(_ severity: Severity) -> LSP.DiagnosticSeverity {
        switch severity {
        case .error: return .error
        case .warning: return .warning
        case .info: return .information
        }
    }
}
