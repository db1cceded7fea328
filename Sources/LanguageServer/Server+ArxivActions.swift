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
    func arxivActions(_ document: Document, range: ByteRange, linter: Linter, only: [String]?) -> [JSON] {
        guard Self.wants(Self.arxivKind, only) else { return [] }
        var actions: [JSON] = []
        for facts in EntryAt.all(in: document, linter: linter)
        where facts.entry.range.start <= range.end && range.start <= facts.entry.range.end {
            let line = facts.entry.lines.lowerBound
            func action(_ title: String, _ data: [(String, JSON)]) -> JSON {
                .object([("title", .string(title)), ("kind", .string(Self.arxivKind)),
                         ("data", .object([("notelint", .string("arxiv")), ("uri", .string(document.uri)),
                                           ("version", .int(document.version)), ("line", .int(line))] + data))])
            }
            if let identifier = facts.fillableIdentifier {
                let cached = linter.arxiv?.lookup(identifier)
                if case .notFound? = cached { continue }
                var metadata: ArxivMetadata?
                if case .found(let paper)? = cached { metadata = paper }
                let fields = [facts.title, facts.date, facts.subjects].compactMap { $0 }
                let hasEmpty = fields.contains(where: \.isEmpty) || fields.count < 3
                let differs = metadata.map { !ArxivFill.changes(facts, $0, overwrite: true, style: linter.dateStyle, schema: linter.schema, source: document.source).isEmpty } ?? true
                let fillsEmpty = metadata.map { !ArxivFill.changes(facts, $0, overwrite: false, style: linter.dateStyle, schema: linter.schema, source: document.source).isEmpty } ?? hasEmpty
                if fillsEmpty {
                    actions.append(action("Fill from arXiv (\(identifier))", [("action", .string("fill")), ("id", .string(identifier.description)), ("overwrite", .bool(false))]))
                }
                if differs && fields.contains(where: { !$0.isEmpty }) {
                    actions.append(action("Fill from arXiv (\(identifier)), replacing differing fields",
                                          [("action", .string("fill")), ("id", .string(identifier.description)), ("overwrite", .bool(true))]))
                }
            } else if let title = facts.searchableTitle {
                if let candidates = arxiv.candidates(for: title) {
                    for paper in candidates {
                        actions.append(action("Link to \(paper.id): \(paper.title)", [("action", .string("link")), ("id", .string(paper.id)), ("title", .string(title))]))
                    }
                } else {
                    actions.append(action("Find on arXiv", [("action", .string("find")), ("title", .string(title))]))
                }
            }
        }
        return actions
    }

    /// `codeAction/resolve`: fetches what the action needs and adds its edit.
    func resolveCodeAction(_ request: PendingRequest, _ params: JSON) {
        guard let data = params["data"], data["notelint"]?.string == "arxiv", let uri = data["uri"]?.string,
              let line = data["line"]?.int, let action = data["action"]?.string else {
            return request.respond(params)
        }
        guard let document = documents[uri], document.version == data["version"]?.int else {
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
            let label = params["title"]?.string ?? "arXiv"
            let progress = showsProgress ? beginProgress(label) : nil
            // Every answer kept renames a file into the cache's folder, changing its fingerprint.
            let known = cache.fingerprint
            defer {
                progress?.end()
                // Something new was learned: the arXiv findings of open notes may change now.
                if cache.fingerprint != known { queue.async { self.relintAll() } }
            }
            var changes: [ArxivFill.Change] = []
            switch action {
            case "fill":
                guard let identifier = data["id"]?.string.flatMap(ArxivIdentifier.parse) else { return request.respond(params) }
                guard let metadata = fetch(identifier, settings: settings, cache: cache, label: label) else { return request.respond(params) }
                changes = ArxivFill.changes(facts, metadata, overwrite: data["overwrite"]?.bool ?? false, style: linter.dateStyle,
                                            schema: linter.schema, source: document.source)
                if changes.isEmpty { showMessage(3, "\(label): the entry already says what arXiv says") }
            case "find":
                guard let title = data["title"]?.string else { return request.respond(params) }
                let found: [ArxivMetadata]
                do {
                    found = try ArxivClient(settings: settings).search(title: title)
                } catch {
                    showMessage(1, "Find on arXiv failed: \(error)")
                    return request.respond(params)
                }
                arxiv.remember(found, for: title)
                for paper in found.prefix(ArxivEditor.candidateLimit) { try? cache.store(.found(paper), for: ArxivIdentifier(id: paper.id, version: nil)) }
                guard let best = found.first, TitleKey(best.title) == TitleKey(title) else {
                    let candidates = Array(found.prefix(ArxivEditor.candidateLimit))
                    request.respond(params)
                    if candidates.isEmpty {
                        showMessage(2, "Find on arXiv: no paper titled “\(QuotedText.clipped(title))”")
                    } else if canOfferChoices {
                        offer(candidates, for: title, uri: uri, line: line)
                    } else {
                        showMessage(3, Self.candidateList(candidates))
                    }
                    return
                }
                changes = Self.linkAndFill(facts, best, linter: linter, source: document.source)
            case "link":
                guard let identifier = data["id"]?.string.flatMap(ArxivIdentifier.parse),
                      let metadata = arxiv.candidates(for: data["title"]?.string ?? "")?.first(where: { $0.id == identifier.id })
                        ?? fetch(identifier, settings: settings, cache: cache, label: label) else { return request.respond(params) }
                changes = Self.linkAndFill(facts, metadata, linter: linter, source: document.source)
            default:
                return request.respond(params)
            }
            guard !changes.isEmpty, case .object(var fields) = params else { return request.respond(params) }
            let edits = changes.sorted { $0.edit.range.start < $1.edit.range.start }.map {
                JSON.object([("range", codec.range($0.edit.range, in: document.source)), ("newText", .string($0.edit.newText))])
            }
            fields.removeAll { $0.0 == "edit" }
            fields.append(("edit", .object([("changes", .object([(uri, .array(edits))]))])))
            request.respond(.object(fields))
        }
    }

    static func linkAndFill(_ facts: EntryFacts, _ metadata: ArxivMetadata, linter: Linter, source: SourceText) -> [ArxivFill.Change] {
        ArxivFill.changes(facts, metadata, overwrite: false, style: linter.dateStyle, schema: linter.schema, source: source, linking: true)
    }

    /// The cached or fetched metadata of `identifier`; nil after telling the user why not.
    private func fetch(_ identifier: ArxivIdentifier, settings: ArxivClientSettings, cache: MetadataCache, label: String) -> ArxivMetadata? {
        let today = CalendarDay.today
        if let error = ArxivClient(settings: settings).refresh([identifier], cache: cache, today: (today.year, today.month))[identifier] {
            showMessage(1, "\(label) failed: \(error)")
            return nil
        }
        switch cache.lookup(identifier) {
        case .found(let metadata)?: return metadata
        case .notFound?: showMessage(1, "\(label): arXiv has no paper \(identifier)")
        case nil: showMessage(1, "\(label) failed: the answer could not be kept in \(cache.folder)")
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
