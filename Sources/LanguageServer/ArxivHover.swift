import ArxivKit
import JSONRPC
import NoteLint
import NoteSyntax

/// Hover on an arXiv Link: the cached metadata (title, authors, dates, categories, the
/// abstract's first sentences). Never asks arXiv: a paper not cached gets no hover.
enum ArxivHover {
    @Sendable static func hover(_ query: NoteQuery, _ offset: Int) -> HoverPart? {
        guard
            let facts = query.document.entryFacts(query.linter).first(where: {
                guard let link = $0.link else { return false }
                return link.valueRange.start <= offset && offset <= link.valueRange.end
            }),
            let link = facts.link, let identifier = facts.fillableIdentifier,
            case .found(let metadata)? = query.linter.arxiv?.lookup(identifier)
        else { return nil }
        return HoverPart(markdown: hoverText(metadata, style: query.linter.dateStyle), range: link.valueRange)
    }

    static func hoverText(_ metadata: ArxivMetadata, style: NoteDate.Style) -> String {
        var lines = ["**\(metadata.title)**", ""]
        let authors =
            metadata.authors.count > 8
            ? metadata.authors.prefix(8).joined(separator: ", ") + " and \(metadata.authors.count - 8) more"
            : metadata.authors.joined(separator: ", ")
        if !authors.isEmpty { lines += [authors, ""] }
        var dates = "arXiv \(metadata.id) · submitted \(ArxivComparison.v1Date(metadata, style: style)) (v1)"
        if let version = metadata.version, version > 1, metadata.updated.count >= 10 {
            dates += " · v\(version) of \(metadata.updated.prefix(10))"
        }
        lines += [dates, "", metadata.subjectsLine]
        let opening = metadata.abstractOpening()
        if !opening.isEmpty { lines += ["", opening] }
        return lines.joined(separator: "\n")
    }
}
