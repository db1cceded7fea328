import ArxivKit
import Foundation
import JSONRPC
import NoteLint

/// After "Find on arXiv" found no exact title match: the candidates become the choices of a
/// `window/showMessageRequest`, and the one the user picks is linked and filled through
/// `workspace/applyEdit`, on the note as it is when the answer comes.
extension Server {
    func offer(_ candidates: [ArxivMetadata], for title: String, uri: String, line: Int) {
        let choices = candidates.map { "Link to \($0.id): \($0.title)" }
        let question = JSON.object([
            ("type", .int(3)),
            ("message", .string("Find on arXiv: no paper is titled exactly “\(QuotedText.clipped(title))”. Link one of these?")),
            ("actions", .array(choices.map { .object([("title", .string($0))]) })),
        ])
        responses.send("window/showMessageRequest", question, over: connection) { [self] answer in
            guard let answer else {
                // The client cannot ask (an error answer): tell the user what was found.
                return showMessage(.info, Self.candidateList(candidates))
            }
            // A dismissed message answers null: nothing to do.
            guard let chosen = try? LSP.MessageActionItem(decoding: answer, at: "result"), let index = choices.firstIndex(of: chosen.title)
            else {
                return
            }
            queue.async { self.link(candidates[index], for: title, uri: uri, line: line) }
        }
    }

    /// The message for a client that cannot offer the candidates as choices.
    static func candidateList(_ candidates: [ArxivMetadata]) -> String {
        let listed = candidates.map { "\($0.id): \($0.title)" }.joined(separator: "; ")
        return "Find on arXiv: no exact title match; candidates (ask for code actions again to link one): \(listed)"
    }

    /// On the server's queue: takes the document's current version and edits it on a worker.
    private func link(_ paper: ArxivMetadata, for title: String, uri: String, line: Int) {
        guard let document = documents[uri] else {
            return showMessage(.warning, "Link to \(paper.id): \(uri) is no longer open")
        }
        let codec = self.codec
        let versioned = clientFeatures.versionedEdits
        work.async { [self] in
            let linter = lints.linter(for: document)
            let entries = EntryAt.all(in: document, linter: linter).filter { $0.searchableTitle.map(TitleKey.init) == TitleKey(title) }
            // The entry where it was offered, or else the only one with that title.
            guard let facts = entries.first(where: { $0.entry.lines.lowerBound == line }) ?? (entries.count == 1 ? entries.first : nil)
            else {
                return showMessage(
                    .warning, "Link to \(paper.id): no entry titled “\(QuotedText.clipped(title))” without a link is left in the note")
            }
            let changes = Self.linkAndFill(facts, paper, linter: linter, source: document.source)
            guard !changes.isEmpty else { return }
            let edits = changes.sorted { $0.edit.range.start < $1.edit.range.start }.map { codec.edit($0.edit, in: document.source) }
            let edit = LSP.WorkspaceEdit(uri: uri, edits: edits, version: versioned ? document.version : nil)
            responses.send(
                "workspace/applyEdit", .object([("label", .string("Link to \(paper.id)")), ("edit", edit.json)]),
                over: connection
            ) { [self] answer in
                let result = answer.flatMap { try? LSP.ApplyWorkspaceEditResult(decoding: $0, at: "result") }
                guard result?.applied != true else { return }
                let reason = result?.failureReason.map { ": \($0)" } ?? ""
                showMessage(.warning, "Link to \(paper.id): the editor did not apply the edit\(reason)")
            }
        }
    }
}
