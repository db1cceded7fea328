import ArxivClient
import ArxivKit
import Foundation
import JSONRPC
import NoteLint
import NoteSyntax

/// The server's arXiv state: progress tokens, and the candidates
/// of the title searches made so far ("Find on arXiv"), so that they can be offered as
/// actions of their own without asking arXiv again.
final class ArxivEditor: @unchecked Sendable {
    private let lock = NSLock()
    private var searches: [TitleKey: [ArxivMetadata]] = [:]
    private var tokens = 0

    /// The most candidates a search offers.
    static let candidateLimit = 3

    func candidates(for title: String) -> [ArxivMetadata]? {
        lock.withLock { searches[TitleKey(title)] }
    }

    func remember(_ candidates: [ArxivMetadata], for title: String) {
        lock.withLock { searches[TitleKey(title)] = Array(candidates.prefix(Self.candidateLimit)) }
    }

    func nextToken() -> String {
        lock.withLock {
            tokens += 1
            return "notelint-arxiv-\(tokens)"
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
