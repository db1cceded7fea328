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

    init(_ capabilities: JSON) {
        let text = capabilities["textDocument"]
        prepareRename = text?["rename"]?["prepareSupport"]?.bool ?? false
        hierarchicalSymbols = text?["documentSymbol"]?["hierarchicalDocumentSymbolSupport"]?.bool ?? false
        insertReplace = text?["completion"]?["completionItem"]?["insertReplaceSupport"]?.bool ?? false
        workDoneProgress = capabilities["window"]?["workDoneProgress"]?.bool ?? false
    }
}
