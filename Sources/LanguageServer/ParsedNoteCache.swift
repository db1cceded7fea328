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
    /// The previous version's parse, its lint when it had one, and the edit that made this
    /// version from it.
    struct Base: Sendable {
        let note: Note
        let fields: [String]
        let lint: LintMemory?
        let edit: TextReplacement
    }

    private struct State {
        var base: Base?
        var fields: [String]?
        var note: Note?
        /// What the lint of this version can start from: the previous version's lint, the edit,
        /// and the lines cmark read again.
        var lintBase: LintBase?
        var lint: LintMemory?
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
        var retired: Base? = nil
        defer { if let retired { RetiredVersions.release(retired) } }
        return state.withLock { state in
            if let note = state.note, state.fields == linter.knownFields { return note }
            let parsed: Note
            state.lintBase = nil
            if let base = state.base, base.fields == linter.knownFields {
                let revised = base.note.revised(by: base.edit, giving: source)
                parsed = revised.note
                if let memory = base.lint, let lines = revised.reparsedLines {
                    state.lintBase = LintBase(memory: memory, edit: base.edit, reparsedLines: lines)
                }
            } else {
                parsed = linter.parse(source)
            }
            retired = state.base
            state.base = nil
            state.lint = nil
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

    /// Lints this version, from the previous version's lint when the edit between them allows,
    /// and keeps the lint for the next version's.
    func lint(of source: SourceText, linter: Linter, path: String?, workspace: (entries: WorkspaceEntries, name: String)?)
        -> LintResult
    {
        let parsed = note(of: source, linter: linter)
        let base = state.withLock { state in
            // Taken once: a second lint of this version (another workspace) starts from nothing.
            defer { state.lintBase = nil }
            return state.lintBase
        }
        let (result, memory) = linter.lint(parsed, path: path, workspace: workspace, since: base)
        state.withLock { $0.lint = memory }
        if let base { RetiredVersions.release(base) }
        return result
    }

    /// This version's last lint, for the next version's.
    func lintMemory() -> LintMemory? { state.withLock { $0.lint } }

    var parseCount: Int { state.withLock { $0.parses } }
}

extension Server {
    /// How many times the open document `uri` was parsed at its current version; nil when it
    /// is not open.
    public func parseCount(of uri: String) -> Int? {
        queue.sync { documents[uri]?.parsed.parseCount }
    }
}
