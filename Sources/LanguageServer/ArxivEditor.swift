import ArxivClient
import ArxivKit
import Foundation
import JSONRPC
import NoteLint
import NoteSyntax
import Synchronization

/// The server's arXiv state: progress tokens, and the candidates
/// of the title searches made so far ("Find on arXiv"), so that they can be offered as
/// actions of their own without asking arXiv again.
final class ArxivEditor: Sendable {
    private let state = Mutex((searches: [TitleKey: [ArxivMetadata]](), tokens: 0))

    /// The most candidates a search offers.
    static let candidateLimit = 3

    func candidates(for title: String) -> [ArxivMetadata]? {
        state.withLock { $0.searches[TitleKey(title)] }
    }

    func remember(_ candidates: [ArxivMetadata], for title: String) {
        state.withLock { $0.searches[TitleKey(title)] = Array(candidates.prefix(Self.candidateLimit)) }
    }

    func nextToken() -> String {
        state.withLock { state in
            state.tokens += 1
            return "notelint-arxiv-\(state.tokens)"
        }
    }
}

/// An entry of a document and what it says, found by line or position.
struct EntryAt {
    let facts: EntryFacts

    static func all(in document: Document, linter: Linter) -> [EntryFacts] {
        document.entryFacts(linter)
    }

    static func starting(atLine line: Int, in document: Document, linter: Linter) -> EntryFacts? {
        all(in: document, linter: linter).first { $0.entry.lines.lowerBound == line }
    }
}
