import Foundation
import JSONRPC
import NoteLint

/// Findings for the notes of the workspace that are not open: pushed after `initialized`
/// (with `$/progress` when the client shows it), or answered to `workspace/diagnostic`.
extension Server {
    /// Lints the workspace's notes (or only `paths`) in the background and publishes the
    /// findings of those the editor has not opened. Push clients only: pull clients ask.
    /// `afterSave`: a note was saved, which changes the others' findings only when entries
    /// are compared across notes; otherwise nothing is done.
    func lintWorkspace(only paths: [String]? = nil, afterSave: Bool = false) {
        guard !clientFeatures.pullDiagnostics, !workspace.currentFolders.isEmpty else { return }
        let converter = DiagnosticConverter(codec: codec, pages: pages, docsURL: settings.docsURL)
        let progressToken = paths == nil && clientFeatures.workDoneProgress ? workspace.nextProgressToken() : nil
        workspace.queue.async { [self] in
            let files = paths ?? workspaceNotes()
            if afterSave
                && !files.contains(where: {
                    lints.linter(for: Document(uri: DocumentURI.fileURI($0), version: 0, text: "")).comparesAcrossNotes
                })
            {
                return
            }
            let progress = progressToken.flatMap { WorkDoneProgress.create($0, connection: connection, responses: responses) }
            progress?.begin("notelint: checking the workspace", message: "0/\(files.count) notes", percentage: 0)
            if paths == nil { publisher.clearUnopened(except: Set(files.map(DocumentURI.fileURI)), connection: connection) }
            recordEntryKeys(of: files, open: [:])
            for (index, path) in files.enumerated() {
                progress?.report(done: index, of: files.count)
                let uri = DocumentURI.fileURI(path)
                guard !publisher.isOpen(uri), let document = WorkspaceNotes.load(path) else { continue }
                let (_, result) = lints.lint(document, workspace: workspace)
                publisher.publishUnopened(
                    uri, diagnostics: converter.convert(result.diagnostics, note: result.note, document: document),
                    connection: connection)
            }
            // Open notes are linted again, now that the others' entries are known.
            if paths == nil { queue.async { self.relintAll() } }
            progress?.end("\(files.count) note\(files.count == 1 ? "" : "s") checked")
        }
    }

    /// The notes of the workspace, as `notelint check` selects them in its folders; past the
    /// limit, the first in path order, and the user is told (once per count).
    func workspaceNotes() -> [String] {
        let (notes, found) = workspace.discover(configuration: lints.configuration(forFile:))
        if workspace.shouldReportOverflow(found) {
            let message = "notelint: the workspace holds \(found) notes; only the first \(notes.count) in path order are checked"
            Log.warning(message)
            showMessage(.warning, message)
        }
        return notes
    }

    /// Reads the entry keys of `files` (from `open` documents when there) for notes whose
    /// configuration compares entries across notes.
    func recordEntryKeys(of files: [String], open: [String: Document]) {
        for path in files {
            guard let document = open[DocumentURI.fileURI(path)] ?? WorkspaceNotes.load(path) else { continue }
            let linter = lints.linter(for: document)
            guard linter.comparesAcrossNotes else { continue }
            workspace.update(path, keys: linter.entryKeys(document.note(linter)))
        }
    }

    /// `workspace/diagnostic`: a report per note of the workspace, open notes as the editor
    /// has them; `unchanged` for a note whose text and configuration are what the client's
    /// previous result was computed from (never when entries are compared across notes).
    func workspaceDiagnostic(_ request: PendingRequest, _ params: LSP.WorkspaceDiagnosticParams) {
        let previous = Dictionary(params.previousResultIds.map { ($0.uri, $0.value) }, uniquingKeysWith: { _, last in last })
        let open = documents
        let converter = DiagnosticConverter(codec: codec, pages: pages, docsURL: settings.docsURL)
        perform(request) { [self] in
            let files = workspaceNotes()
            recordEntryKeys(of: files, open: open)
            var reports: [LSP.WorkspaceDocumentDiagnosticReport] = []
            for path in files {
                if request.isCancelled { return }
                let uri = DocumentURI.fileURI(path)
                let openDocument = open[uri]
                guard let document = openDocument ?? WorkspaceNotes.load(path) else { continue }
                let version = openDocument?.version
                let linter = lints.linter(for: document)
                var hasher = Hasher()
                hasher.combine(document.file.bytes)
                let resultID = "\(lints.generation)-\(hasher.finalize())"
                if !linter.comparesAcrossNotes && previous[uri] == resultID {
                    reports.append(
                        LSP.WorkspaceDocumentDiagnosticReport(uri: uri, version: version, report: .unchanged(resultId: resultID)))
                    continue
                }
                let (_, result) = lints.lint(document, workspace: workspace)
                let items = converter.convert(result.diagnostics, note: result.note, document: document)
                reports.append(
                    LSP.WorkspaceDocumentDiagnosticReport(uri: uri, version: version, report: .full(resultId: resultID, items: items)))
            }
            request.respond(.object([("items", reports.json)]))
        }
    }
}
