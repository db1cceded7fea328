import JSONRPC

/// What the client said it can do, read once from `initialize`'s capabilities, for the
/// features whose answers depend on it.
struct ClientFeatures: Sendable {
    /// `textDocument.rename.prepareSupport`: only then may the server announce prepareRename.
    let prepareRename: Bool
    /// `textDocument.documentSymbol.hierarchicalDocumentSymbolSupport`: nested symbols,
    /// otherwise a flat list with container names.
    let hierarchicalSymbols: Bool
    /// `textDocument.completion.completionItem.insertReplaceSupport`.
    let insertReplace: Bool
    /// `window.workDoneProgress`: the server may create progress tokens.
    let workDoneProgress: Bool
    /// `workspace.applyEdit`: the server may ask the client to apply an edit of its own.
    let applyEdit: Bool
    /// `workspace.workspaceEdit.documentChanges`: edits may name the document version they
    /// were computed for, and the client refuses them if the text moved on.
    let versionedEdits: Bool

    init(_ capabilities: JSON) {
        let text = capabilities["textDocument"]
        prepareRename = text?["rename"]?["prepareSupport"]?.bool ?? false
        hierarchicalSymbols = text?["documentSymbol"]?["hierarchicalDocumentSymbolSupport"]?.bool ?? false
        insertReplace = text?["completion"]?["completionItem"]?["insertReplaceSupport"]?.bool ?? false
        workDoneProgress = capabilities["window"]?["workDoneProgress"]?.bool ?? false
        applyEdit = capabilities["workspace"]?["applyEdit"]?.bool ?? false
        versionedEdits = capabilities["workspace"]?["workspaceEdit"]?["documentChanges"]?.bool ?? false
    }
}
