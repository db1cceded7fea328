import Foundation
import NoteLint
import NoteSyntax

/// The parse of one document version, kept with its snapshot so that the lint and every
/// editor request on that version share one `Note` (a 5 MB note takes seconds to parse in a
/// debug build). A changed document is a new `Document` with an empty cache, so an open
/// document holds at most one parsed note, dropped with its last snapshot. Thread-safe:
/// concurrent requests wait for one parse instead of each running their own.
final class ParsedNoteCache: @unchecked Sendable {
    private let lock = NSLock()
    private var fields: [String]?
    private var note: Note?
    private var factsKey: String?
    private var facts: [EntryFacts]?
    /// How many times this version was parsed (tests check that requests reuse the parse).
    private var parses = 0

    /// The note parsed with `linter`'s entry fields; parsed again only when they differ.
    func note(of source: SourceText, linter: Linter) -> Note {
        lock.lock()
        defer { lock.unlock() }
        if let note, fields == linter.knownFields { return note }
        let parsed = linter.parse(source)
        parses += 1
        (note, fields, facts, factsKey) = (parsed, linter.knownFields, nil, nil)
        return parsed
    }

    /// What each entry says, read once per version and linter (schema and today included).
    func entryFacts(of source: SourceText, linter: Linter) -> [EntryFacts] {
        let parsed = note(of: source, linter: linter)
        lock.lock()
        defer { lock.unlock() }
        if let facts, factsKey == linter.fingerprint { return facts }
        let read = linter.entryFacts(parsed)
        (facts, factsKey) = (read, linter.fingerprint)
        return read
    }

    var parseCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return parses
    }
}

extension Server {
    /// How many times the open document `uri` was parsed at its current version; nil when it
    /// is not open.
    public func parseCount(of uri: String) -> Int? {
        queue.sync { documents[uri]?.parsed.parseCount }
    }
}
