import JSONRPC
import NoteSyntax

/// Something one hover provider has to say about the cursor's place, as Markdown, and the
/// range it is about.
struct HoverPart: Sendable {
    let markdown: String
    let range: ByteRange
}

/// `textDocument/hover` asks every provider and joins what they say, so features add a
/// provider to the list instead of owning the request.
extension Server {
    static let hoverProviders: [@Sendable (NoteQuery, Int) -> HoverPart?] = [
        FootnoteHover.hover,
        ArxivHover.hover,
    ]

    func hover(_ request: PendingRequest, _ params: LSP.TextDocumentPositionParams) {
        guard settings.hover else { return request.respond(.null) }
        answer(request, params.textDocument, at: params.position, empty: .null) { query in
            guard let offset = query.offset else { return .null }
            let parts = Server.hoverProviders.compactMap { $0(query, offset) }
            guard let first = parts.first else { return .null }
            return LSP.Hover(
                contents: LSP.MarkupContent(markdown: parts.map(\.markdown).joined(separator: "\n\n---\n\n")),
                range: query.range(first.range)
            ).json
        }
    }
}
