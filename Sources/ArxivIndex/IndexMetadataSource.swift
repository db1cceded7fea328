import ArxivKit
import Foundation

/// The local index as the lint's metadata store: a paper the index holds is found; an
/// identifier it lacks is "not found" only when the index covers it (`IndexCoverage`), so a
/// paper newer than the last import or sync is left to the API's cache. Answers are kept in
/// memory (a lint asks of every entry in several rules, the language server at every
/// keystroke) until the index changes: `PRAGMA data_version` on a connection kept for that
/// moves when another connection commits.
public final class IndexMetadataSource: ArxivMetadataSource, ArxivTitleSearch {
    public let path: String
    /// Guards `state`: connections are not Sendable, so a Mutex's region rules refuse them.
    private let lock = NSLock()
    private var state: State

    /// Answers kept at most: a vault's worth of entries would otherwise be held for the run.
    static let answersKept = 8192

    private struct State {
        var watch: ArxivIndex
        var idle: [ArxivIndex] = []
        var dataVersion: Int
        var coverage: IndexCoverage
        var fingerprint: String
        var answers: [ArxivIdentifier: ArxivLookup?] = [:]
    }

    /// Opens the index at `path`; throws `ArxivIndexError.missing` when there is none.
    public init(path: String) throws {
        self.path = path
        let watch = try Self.open(path)
        state = State(
            watch: watch, dataVersion: try watch.dataVersion, coverage: try IndexCoverage(watch), fingerprint: try watch.fingerprint)
    }

    /// A connection with a 16 MB page cache instead of the import's 64 MB: an editor's server
    /// keeps these for its life. Measured at 2.7 M papers (`bench/arxiv_editor.py`), title
    /// completion p99 12.7 ms and 92 MiB with 64 MB, 12.3 ms and 42 MiB with 16 MB, 16.9 ms
    /// and 27.5 MiB with 2 MB.
    private static func open(_ path: String) throws -> ArxivIndex {
        let index = try ArxivIndex(path: path)
        try index.wrap { try index.connection.execute("PRAGMA cache_size = -16384") }
        return index
    }

    public var fingerprint: String {
        refresh()
        return withState { $0.fingerprint }
    }

    public func snapshot() -> any ArxivMetadataSource {
        refresh()
        return self
    }

    /// Forgets what it knew when the index changed since it last looked.
    private func refresh() {
        withState { state in
            guard let version = try? state.watch.dataVersion, version != state.dataVersion else { return }
            state.dataVersion = version
            state.answers.removeAll(keepingCapacity: true)
            if let coverage = try? IndexCoverage(state.watch) { state.coverage = coverage }
            if let fingerprint = try? state.watch.fingerprint { state.fingerprint = fingerprint }
        }
    }

    public func papers(titled title: String, limit: Int, typing: Bool = false) -> [ArxivMetadata] {
        let connection = withState { $0.idle.popLast() }
        guard let index = connection ?? (try? Self.open(path)) else { return [] }
        defer { withState { $0.idle.append(index) } }
        // A blank after the title makes its last word whole, not a prefix.
        return ((try? index.search(typing ? title : title + " ", limit: limit)) ?? []).compactMap { $0.metadata() }
    }

    public func lookup(_ identifier: ArxivIdentifier) -> ArxivLookup? {
        let (known, connection, coverage) = withState { state -> (ArxivLookup??, ArxivIndex?, IndexCoverage) in
            if let known = state.answers[identifier] { return (known, nil, state.coverage) }
            return (nil, state.idle.popLast(), state.coverage)
        }
        if let known { return known }
        // Each thread reads on a connection of its own; one is opened when none is idle.
        guard let index = connection ?? (try? Self.open(path)) else { return nil }
        let answer: ArxivLookup?
        if let paper = try? index.paper(exactID: identifier.id) {
            answer = paper.metadata(version: identifier.version).map(ArxivLookup.found)
        } else {
            answer = coverage.covers(identifier) ? .notFound : nil
        }
        withState { state in
            state.idle.append(index)
            if state.answers.count >= Self.answersKept { state.answers.removeAll(keepingCapacity: true) }
            state.answers[identifier] = .some(answer)
        }
        return answer
    }
}

extension IndexMetadataSource {
    private func withState<Result>(_ body: (inout State) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&state)
    }
}

// The state is only reached under its lock, and each connection is used by one thread at a time.
extension IndexMetadataSource: @unchecked Sendable {}

extension IndexMetadataSource {
    private static let lock = NSLock()
    /// nil for an index that could not be read: it is reported once.
    nonisolated(unsafe) private static var opened: [String: IndexMetadataSource?] = [:]

    /// The index at `path`, opened once per process and shared by every linter; nil when there
    /// is none (a missing index is no error: most users have none). An index that exists but
    /// cannot be read is reported, once, through `warn`.
    public static func shared(path: String, warn: (String) -> Void) -> IndexMetadataSource? {
        lock.lock()
        defer { lock.unlock() }
        if let source = opened[path] { return source }
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let source = try IndexMetadataSource(path: path)
            opened[path] = source
            return source
        } catch {
            opened[path] = .some(nil)
            warn("the arXiv index \(path) cannot be read (\(error)); going on without it")
            return nil
        }
    }
}
