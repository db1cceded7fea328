import ArxivClient
import ArxivKit
import Foundation
import JSONRPC
import NoteLint
import NoteSyntax

/// "Fill from arXiv (ID)" (and its overwrite variant), "Find on arXiv" and the candidates a
/// search found. Listing them never touches the network; `codeAction/resolve` does, with
/// `$/progress` when the client supports it and `window/showMessage` when it fails.
extension Server {
    static let arxivKind = "refactor.rewrite"

    /// The arXiv actions for the entries `range` touches.
    func arxivActions(_ document: Document, range: ByteRange, linter: Linter, only: [String]?) -> [LSP.CodeAction] {
        guard Self.wants(Self.arxivKind, only) else { return [] }
        var actions: [LSP.CodeAction] = []
        for facts in EntryAt.all(in: document, linter: linter)
        where facts.entry.range.start <= range.end && range.start <= facts.entry.range.end {
            let line = facts.entry.lines.lowerBound
            func action(_ title: String, _ action: ArxivActionData.Action) -> LSP.CodeAction {
                LSP.CodeAction(
                    title: title, kind: Self.arxivKind,
                    data: ArxivActionData(uri: document.uri, version: document.version, line: line, action: action).json)
            }
            if let identifier = facts.fillableIdentifier {
                let cached = linter.arxiv?.lookup(identifier)
                if case .notFound? = cached { continue }
                var metadata: ArxivMetadata?
                if case .found(let paper)? = cached { metadata = paper }
                let fields = [facts.title, facts.date, facts.subjects].compactMap { $0 }
                let hasEmpty = fields.contains(where: \.isEmpty) || fields.count < 3
                let differs =
                    metadata.map {
                        !ArxivFill.changes(
                            facts, $0, overwrite: true, style: linter.dateStyle, schema: linter.schema, source: document.source
                        ).isEmpty
                    } ?? true
                let fillsEmpty =
                    metadata.map {
                        !ArxivFill.changes(
                            facts, $0, overwrite: false, style: linter.dateStyle, schema: linter.schema, source: document.source
                        ).isEmpty
                    } ?? hasEmpty
                if fillsEmpty {
                    actions.append(action("Fill from arXiv (\(identifier))", .fill(id: identifier.description, overwrite: false)))
                }
                if differs && fields.contains(where: { !$0.isEmpty }) {
                    actions.append(
                        action(
                            "Fill from arXiv (\(identifier)), replacing differing fields",
                            .fill(id: identifier.description, overwrite: true)))
                }
            } else if let title = facts.searchableTitle {
                if let candidates = arxiv.candidates(for: title) {
                    for paper in candidates {
                        actions.append(action("Link to \(paper.id): \(paper.title)", .link(id: paper.id, title: title)))
                    }
                } else {
                    actions.append(action("Find on arXiv", .find(title: title)))
                }
            }
        }
        return actions
    }

    /// `codeAction/resolve`: fetches what the action needs and adds its edit.
    /// An action that is not one of notelint's arXiv actions is answered as it came.
    func resolveCodeAction(_ request: PendingRequest, _ params: LSP.UnresolvedCodeAction) {
        guard let data = params.data.flatMap({ try? ArxivActionData(decoding: $0, at: "params.data") }) else {
            return request.respond(params.json)
        }
        let uri = data.uri
        let line = data.line
        guard let document = documents[uri], document.version == data.version else {
            return request.fail(-32801, "the document changed since the action was offered: ask for code actions again")
        }
        let codec = self.codec
        let canOfferChoices = clientFeatures.applyEdit
        let showsProgress = clientFeatures.workDoneProgress
        perform(request) { [self] in
            let linter = lints.linter(for: document)
            guard let facts = EntryAt.starting(atLine: line, in: document, linter: linter) else {
                return request.fail(-32801, "the entry is no longer at line \(line + 1): ask for code actions again")
            }
            let settings = lints.arxivSettings(for: document)
            let cache = MetadataCache(settings: settings)
            let papers = ArxivPapers(index: lints.arxivIndex, cache: cache, client: ArxivClient(settings: settings))
            let label = params.title
            let progress = showsProgress ? beginProgress(label) : nil
            // Every answer kept renames a file into the cache's folder, changing its fingerprint.
            let known = cache.fingerprint
            defer {
                progress?.end()
                // Something new was learned: the arXiv findings of open notes may change now.
                if cache.fingerprint != known { queue.async { self.relintAll() } }
            }
            var changes: [ArxivFill.Change] = []
            switch data.action {
            case .fill(let id, let overwrite):
                guard let identifier = ArxivIdentifier.parse(id) else { return request.respond(params.json) }
                guard let metadata = fetch(identifier, from: papers, label: label) else {
                    return request.respond(params.json)
                }
                changes = ArxivFill.changes(
                    facts, metadata, overwrite: overwrite, style: linter.dateStyle,
                    schema: linter.schema, source: document.source)
                if changes.isEmpty { showMessage(.info, "\(label): the entry already says what arXiv says") }
            case .find(let title):
                let found: [ArxivMetadata]
                do {
                    found = try papers.search(title: title)
                } catch {
                    showMessage(.error, "Find on arXiv failed: \(error)")
                    return request.respond(params.json)
                }
                arxiv.remember(found, for: title)
                for paper in found.prefix(ArxivEditor.candidateLimit) {
                    try? cache.store(.found(paper), for: ArxivIdentifier(id: paper.id, version: nil))
                }
                guard let best = found.first, TitleKey(best.title) == TitleKey(title) else {
                    let candidates = Array(found.prefix(ArxivEditor.candidateLimit))
                    request.respond(params.json)
                    if candidates.isEmpty {
                        showMessage(.warning, "Find on arXiv: no paper titled “\(QuotedText.clipped(title))”")
                    } else if canOfferChoices {
                        offer(candidates, for: title, uri: uri, line: line)
                    } else {
                        showMessage(.info, Self.candidateList(candidates))
                    }
                    return
                }
                changes = Self.linkAndFill(facts, best, linter: linter, source: document.source)
            case .link(let id, let title):
                guard let identifier = ArxivIdentifier.parse(id),
                    let metadata = arxiv.candidates(for: title)?.first(where: { $0.id == identifier.id })
                        ?? fetch(identifier, from: papers, label: label)
                else { return request.respond(params.json) }
                changes = Self.linkAndFill(facts, metadata, linter: linter, source: document.source)
            }
            guard !changes.isEmpty else { return request.respond(params.json) }
            let edits = changes.sorted { $0.edit.range.start < $1.edit.range.start }.map { codec.edit($0.edit, in: document.source) }
            request.respond(params.resolved(with: LSP.WorkspaceEdit(uri: uri, edits: edits)))
        }
    }

    static func linkAndFill(_ facts: EntryFacts, _ metadata: ArxivMetadata, linter: Linter, source: SourceText) -> [ArxivFill.Change] {
        ArxivFill.changes(facts, metadata, overwrite: false, style: linter.dateStyle, schema: linter.schema, source: source, linking: true)
    }

    /// The indexed, cached or fetched metadata of `identifier`; nil after telling the user why not.
    private func fetch(_ identifier: ArxivIdentifier, from papers: ArxivPapers, label: String) -> ArxivMetadata? {
        let today = CalendarDay.today
        let known = papers.answers([identifier], today: (today.year, today.month))
        if let error = known.failures[identifier] {
            showMessage(.error, "\(label) failed: \(error)")
            return nil
        }
        switch known.answers[identifier] {
        case .found(let metadata)?: return metadata
        case .notFound?: showMessage(.error, "\(label): arXiv has no paper \(identifier)")
        case nil: showMessage(.error, "\(label) failed: the answer could not be kept in \(papers.cache.folder)")
        }
        return nil
    }

    /// Starts a work-done progress once the client accepts the token (callers check that it shows progress).
    private func beginProgress(_ title: String) -> WorkDoneProgress? {
        guard let progress = WorkDoneProgress.create(arxiv.nextToken(), connection: connection, responses: responses) else { return nil }
        progress.begin(title, message: "asking arXiv")
        return progress
    }
}
