import JSONRPC

/// What the client said it can do, read once from `initialize`'s capabilities, for the
/// features whose answers depend on it. A capability a client leaves out, or writes with the
/// wrong type, is one it does not have.
struct ClientFeatures: Sendable {
    /// `general.positionEncodings` includes `utf-8`: columns may count bytes.
    var utf8Positions = false
    /// `textDocument.diagnostic`: the client pulls diagnostics instead of taking pushes.
    var pullDiagnostics = false
    /// `workspace.didChangeWatchedFiles.dynamicRegistration`: the server may register watchers.
    var dynamicWatchers = false
    /// `textDocument.rename.prepareSupport`: only then may the server announce prepareRename.
    var prepareRename = false
    /// `textDocument.documentSymbol.hierarchicalDocumentSymbolSupport`: nested symbols,
    /// otherwise a flat list with container names.
    var hierarchicalSymbols = false
    /// `textDocument.completion.completionItem.insertReplaceSupport`.
    var insertReplace = false
    /// `window.workDoneProgress`: the server may create progress tokens.
    var workDoneProgress = false
    /// `workspace.applyEdit`: the server may ask the client to apply an edit of its own.
    var applyEdit = false
    /// `workspace.workspaceEdit.documentChanges`: edits may name the document version they
    /// were computed for, and the client refuses them if the text moved on.
    var versionedEdits = false

    init() {}

    init(_ capabilities: ProtocolObject) {
        let encodings = capabilities.branch("general")?.any("positionEncodings")?.array ?? []
        utf8Positions = encodings.contains(.string("utf-8"))
        let text = capabilities.branch("textDocument")
        pullDiagnostics = text?.branch("diagnostic") != nil
        prepareRename = text?.branch("rename")?.flag("prepareSupport") ?? false
        hierarchicalSymbols = text?.branch("documentSymbol")?.flag("hierarchicalDocumentSymbolSupport") ?? false
        insertReplace = text?.branch("completion")?.branch("completionItem")?.flag("insertReplaceSupport") ?? false
        workDoneProgress = capabilities.branch("window")?.flag("workDoneProgress") ?? false
        let workspace = capabilities.branch("workspace")
        dynamicWatchers = workspace?.branch("didChangeWatchedFiles")?.flag("dynamicRegistration") ?? false
        applyEdit = workspace?.flag("applyEdit") ?? false
        versionedEdits = workspace?.branch("workspaceEdit")?.flag("documentChanges") ?? false
    }
}
