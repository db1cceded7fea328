import JSONRPC
import NoteLint

/// Files changed outside the editor (a `git pull`, another program): `.notelint.yml` files
/// reload the configuration; notes of the workspace that are not open are checked again, and
/// a deleted one's findings are cleared.
extension Server {
    /// Watches configurations and notes, when the client lets the server register watchers.
    func registerWatchers() {
        guard clientFeatures.dynamicWatchers else { return }
        let patterns = ["**/.notelint.yml", "**/*.md", "**/*.markdown"]
        connection.request(
            "client/registerCapability",
            .object([
                (
                    "registrations",
                    .array([
                        .object([
                            ("id", .string("notelint-files")),
                            ("method", .string("workspace/didChangeWatchedFiles")),
                            ("registerOptions", .object([("watchers", .array(patterns.map { .object([("globPattern", .string($0))]) }))])),
                        ])
                    ])
                )
            ]))
    }

    func watchedFilesChanged(_ params: LSP.DidChangeWatchedFilesParams) {
        let changes = params.changes
        var changed: [String] = []
        var deleted: [String] = []
        var other = changes.isEmpty
        for change in changes {
            guard let path = DocumentURI.path(change.uri), FileDiscovery.isNote(path) else {
                other = true
                continue
            }
            if change.type != .changed { symbolIndex.forgetNotes() }
            // An open note is checked as the editor has it, not as the disk has it.
            guard documents[DocumentURI.fileURI(path)] == nil else { continue }
            if change.type == .deleted { deleted.append(path) } else { changed.append(path) }
        }
        if other {
            // A configuration changed: every finding may have, and which notes there are.
            symbolIndex.forgetNotes()
            lints.reload()
            relintAll()
            lintWorkspace()
            return
        }
        guard !changed.isEmpty || !deleted.isEmpty else { return }
        for path in deleted {
            workspace.remove(path)
            if !clientFeatures.pullDiagnostics {
                publisher.publishUnopened(DocumentURI.fileURI(path), diagnostics: [], connection: connection)
            }
        }
        if clientFeatures.pullDiagnostics { return relintAll() }
        let selected = changed.filter { workspace.selects($0, configuration: lints.configuration(forFile:)) }
        let notes = workspace.withoutGitIgnored(selected)
        let comparing = (notes + deleted).contains {
            lints.linter(for: Document(uri: DocumentURI.fileURI($0), version: 0, text: "")).comparesAcrossNotes
        }
        // Entries compared across notes: the others' findings may change too.
        if comparing { lintWorkspace(afterSave: true) } else if !notes.isEmpty { lintWorkspace(only: notes) }
    }
}
