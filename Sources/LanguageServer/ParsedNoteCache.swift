import NoteLint
import NoteSyntax
import Synchronization

/// The parse of one document version, kept with its snapshot so that the lint and every
/// editor request on that version share one `Note` (a 5 MB note takes seconds to parse in a
/// debug build). A changed document is a new `Document` with an empty cache, so an open
/// document holds at most one parsed note, dropped with its last snapshot. Concurrent
/// requests wait for one parse instead of each running their own. A version made by one edit
/// of a parsed version starts from that parse (`Note.applying`): cmark re-reads only the
/// blocks around the edit.
final class ParsedNoteCache: Sendable {
    /// The previous version's parse and the edit that made this version from it.
    struct Base: Sendable {
        let note: Note
        let fields: [String]
        let edit: TextReplacement
    }

    private struct State {
        var base: Base?
        var fields: [String]?
        var note: Note?
        var factsKey: String?
        var facts: [EntryFacts]?
        /// How many times this version was parsed (tests check that requests reuse the parse).
        var parses = 0
    }

    private let state: Mutex<State>

    init(base: Base? = nil) {
        state = Mutex(State(base: base))
    }

    /// The note, when this version was parsed already, with the entry fields it was parsed with.
    func parsedNote() -> (note: Note, fields: [String])? {
        state.withLock { state in
            guard let note = state.note, let fields = state.fields else { return nil }
            return (note, fields)
        }
    }

    /// The note parsed with `linter`'s entry fields; parsed again only when they differ.
    func note(of source: SourceText, linter: Linter) -> Note {
        state.withLock { state in
            if let note = state.note, state.fields == linter.knownFields { return note }
            let parsed: Note
            if let base = state.base, base.fields == linter.knownFields {
                parsed = base.note.applying(base.edit, giving: source)
            } else {
                parsed = linter.parse(source)
            }
            state.base = nil
            state.parses += 1
            (state.note, state.fields, state.facts, state.factsKey) = (parsed, linter.knownFields, nil, nil)
            return parsed
        }
    }

    /// What each entry says, read once per version and linter (schema and today included).
    func entryFacts(of source: SourceText, linter: Linter) -> [EntryFacts] {
        let parsed = note(of: source, linter: linter)
        return state.withLock { state in
            if let facts = state.facts, state.factsKey == linter.fingerprint { return facts }
            let read = linter.entryFacts(parsed)
            (state.facts, state.factsKey) = (read, linter.fingerprint)
            return read
        }
    }

    var parseCount: Int { state.withLock { $0.parses } }
}

extension Server {
    /// How many times the open document `uri` was parsed at its current version; nil when it
    /// is not open.
    public func parseCount(of uri: String) -> Int? {
        queue.sync { documents[uri]?.parsed.parseCount }
    }
}
