import NoteLint
import NoteSyntax
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// What `workspace/symbol` searches: each note's entries with their names and positions,
/// read once and kept while the file's signature (size, modification time, inode) and the
/// linter's fingerprint stay the same, so a query reads no note that did not change. The
/// notes of the workspace are discovered once and found again after a watched file is created
/// or deleted (or on every query, when the client cannot watch files). Thread-safe.
final class WorkspaceSymbolIndex: Sendable {
    struct Symbol: Sendable {
        /// The `SymbolInformation`, serialised once.
        let json: [UInt8]
        /// Name, detail and link, lowercased and joined (UTF-8): what a query is matched against.
        let searchText: [UInt8]

        /// Whether the search text holds `query` (lowercased UTF-8).
        func matches(_ query: Query) -> Bool {
            guard !query.bytes.isEmpty else { return true }
            return searchText.withUnsafeBufferPointer { text in
                query.bytes.withUnsafeBufferPointer { needle in
                    guard let base = text.baseAddress, text.count >= needle.count else { return false }
                    // memchr finds where the query's rarest byte could be; memcmp checks each.
                    let pivot = query.pivot
                    var start = pivot
                    let last = text.count - needle.count + pivot
                    while start <= last {
                        guard let hit = memchr(base + start, Int32(needle[pivot]), last - start + 1) else { return false }
                        let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - pivot
                        if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return true }
                        start = at + pivot + 1
                    }
                    return false
                }
            }
        }
    }

    /// A lowercased query and the place of its rarest byte in titles and links: searching for
    /// `the` by its `t` stops at every few bytes of every entry, by its `h` far less often.
    struct Query {
        let bytes: [UInt8]
        let pivot: Int

        init(_ text: String) {
            let bytes = Array(text.lowercased().utf8)
            self.bytes = bytes
            pivot = bytes.indices.min { Self.commonness(bytes[$0]) < Self.commonness(bytes[$1]) } ?? 0
        }

        /// How often a byte comes in English titles and web addresses, roughly: a rank, not a count.
        static func commonness(_ byte: UInt8) -> Int {
            let ranked: StaticString = " etaoinsrhldcumfpgwybvk.0/-12:xjqz"
            let pointer = ranked.utf8Start
            for rank in 0..<ranked.utf8CodeUnitCount where pointer[rank] == byte { return ranked.utf8CodeUnitCount - rank }
            return 0
        }
    }

    /// A note's URI and its name in messages (the symbols' container), worked out once.
    struct Place: Sendable {
        let uri: String
        let container: String?
    }

    private struct NoteSymbols {
        let signature: FileSignature.Stamp
        let fingerprint: String
        let symbols: [Symbol]
    }

    private struct State {
        var notes: [String]?
        var byPath: [String: NoteSymbols] = [:]
        var places: [String: Place] = [:]
        /// How many notes were read from disk (tests check that unchanged ones are not).
        var reads = 0
    }

    private let state = Mutex(State())

    /// The notes to search: the remembered list, or `discover()`'s, remembered when `keep`.
    func notes(keep: Bool, discover: () -> [String]) -> [String] {
        if keep, let notes = state.withLock({ $0.notes }) { return notes }
        let found = discover()
        if keep { state.withLock { $0.notes = found } }
        return found
    }

    /// A note was created or deleted, or the configuration changed: discover again.
    func forgetNotes() {
        state.withLock { $0.notes = nil }
    }

    func place(of path: String, container: (String) -> String?) -> Place {
        if let known = state.withLock({ $0.places[path] }) { return known }
        let place = Place(uri: DocumentURI.fileURI(path), container: container(path))
        state.withLock { $0.places[path] = place }
        return place
    }

    /// The symbols of the note at `path` on disk, read again only when it or the
    /// `fingerprint` of the linter for its folder changed.
    func symbols(
        ofFileAt path: String, place: Place, fingerprint: (String) -> String, linter: (Document) -> Linter, codec: PositionCodec
    ) -> [Symbol] {
        guard let signature = FileSignature.stamp(path) else {
            state.withLock { $0.byPath[path] = nil }
            return []
        }
        if let known = state.withLock({ $0.byPath[path] }), known.signature == signature, known.fingerprint == fingerprint(path) {
            return known.symbols
        }
        guard let document = WorkspaceNotes.load(path) else { return [] }
        let noteLinter = linter(document)
        let symbols = Self.symbols(of: document, place: place, linter: noteLinter, codec: codec)
        state.withLock {
            $0.byPath[path] = NoteSymbols(signature: signature, fingerprint: noteLinter.fingerprint, symbols: symbols)
            $0.reads += 1
        }
        return symbols
    }

    static func symbols(of document: Document, place: Place, linter: Linter, codec: PositionCodec) -> [Symbol] {
        let note = document.note(linter)
        return note.entries.map { entry in
            let item = NoteOutline.item(for: entry, source: note.source, schema: linter.schema)
            let link = linter.schema.field(.url, in: entry)?.value ?? ""
            let searchText = Array([item.name, item.detail ?? "", link].joined(separator: "\u{0}").lowercased().utf8)
            let information = LSP.SymbolInformation(
                name: item.name, kind: .object, location: LSP.Location(uri: place.uri, range: codec.range(item.range, in: note.source)),
                containerName: place.container)
            return Symbol(json: information.json.serializedBytes(), searchText: searchText)
        }
    }

    var readCount: Int { state.withLock { $0.reads } }
}

extension Server {
    /// How many notes `workspace/symbol` has read from disk so far.
    public var workspaceSymbolReads: Int { symbolIndex.readCount }
}
