import Foundation
import JSONRPC
import NoteLint
import Synchronization

/// The notes of the workspace folders: where they are, and the entry keys of each (from
/// disk, or from the editor for open documents), so `entry-duplicate` with
/// `scope: workspace` can compare a note with every other. Thread-safe.
final class WorkspaceNotes: Sendable {
    private struct State {
        var progressTokens = 0
        var folders: [String] = []
        var keys: [String: NoteEntryKeys] = [:]
        var reportedOverflow: Int?
    }

    private let state = Mutex(State())
    /// Workspace lints run here, one at a time, off the server's queue.
    let queue = DispatchQueue(label: "notelint.workspace")

    /// At most this many notes are read (the first in path order): a folder that holds more
    /// is not a notes folder. `NOTELINT_WORKSPACE_LIMIT` lowers it for tests.
    static let maximumNotes = 20_000
    let limit: Int

    init(limit: Int = WorkspaceNotes.maximumNotes) {
        self.limit = limit
    }

    /// Folders from `initialize`: `workspaceFolders`, else `rootUri`, else `rootPath`.
    func setFolders(from params: LSP.InitializeParams) {
        var found: [String] = []
        if let list = params.workspaceFolders {
            found = list.compactMap { DocumentURI.path($0.uri) }
        } else if let root = params.rootUri.flatMap(DocumentURI.path) {
            found = [root]
        } else if let root = params.rootPath {
            found = [root]
        }
        let standardized = found.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        state.withLock { $0.folders = standardized }
    }

    var currentFolders: [String] { state.withLock { $0.folders } }

    /// The name a note goes by in messages: its path inside its workspace folder; nil
    /// outside every folder.
    func name(of path: String) -> String? {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        for folder in currentFolders {
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            if standardized.hasPrefix(prefix) { return String(standardized.dropFirst(prefix.count)) }
        }
        return nil
    }

    /// The notes of the folders, selected as `notelint check FOLDER` selects them
    /// (`FileDiscovery`, then the configuration's `include` and `exclude`), in path order, at
    /// most `limit`; `found` counts them all. A configuration that cannot be read excludes
    /// nothing (linting the notes reports it).
    func discover(configuration: (String) throws -> Configuration) -> (notes: [String], found: Int) {
        var selected = Set<String>()
        for found in FileDiscovery.files(for: currentFolders).files {
            let excluded: Bool
            do {
                excluded = try NoteSelection.excludes(found, configuration: configuration)
            } catch {
                Log.error("notelint: \(error)")
                excluded = false
            }
            if !excluded { selected.insert(URL(fileURLWithPath: found.path).standardizedFileURL.path) }
        }
        let sorted = selected.sorted()
        return (Array(sorted.prefix(limit)), sorted.count)
    }

    /// Whether the note at `path` is one `discover` would select: a Markdown file inside a
    /// folder, in no hidden folder, not left out by the configuration (git's ignore rules:
    /// `withoutGitIgnored`).
    func selects(_ path: String, configuration: (String) throws -> Configuration) -> Bool {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        guard FileDiscovery.isNote(standardized), let name = name(of: standardized),
            !FileDiscovery.isHidden(name),
            let folder = currentFolders.first(where: { standardized.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") })
        else { return false }
        return
            !((try? NoteSelection.excludes(FileDiscovery.Found(path: standardized, searchRoot: folder), configuration: configuration))
            ?? false)
    }

    /// `paths` (notes of the workspace) without those git ignores, as a full discovery of
    /// their folder would leave them out.
    func withoutGitIgnored(_ paths: [String]) -> [String] {
        var kept = paths
        for folder in currentFolders {
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            let inside = paths.filter { $0.hasPrefix(prefix) }
            let ignored = FileDiscovery.gitIgnored(inside, in: folder)
            kept.removeAll { ignored.contains($0) }
        }
        return kept
    }

    /// Whether the server should say that `found` notes exceed the limit: once per count.
    func shouldReportOverflow(_ found: Int) -> Bool {
        state.withLock { state in
            guard found > limit, found != state.reportedOverflow else { return false }
            state.reportedOverflow = found
            return true
        }
    }

    /// A fresh `$/progress` token.
    func nextProgressToken() -> String {
        state.withLock { state in
            state.progressTokens += 1
            return "notelint-workspace-\(state.progressTokens)"
        }
    }

    /// The document of a note as it is on disk; nil when it cannot be read or is too large.
    static func load(_ path: String) -> Document? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? Int, size <= Server.maximumDocumentSize,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return Document(uri: DocumentURI.fileURI(path), version: 0, text: String(decoding: data, as: UTF8.self))
    }

    func update(_ path: String, keys noteKeys: NoteEntryKeys) {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        state.withLock { $0.keys[standardized] = noteKeys }
    }

    /// Forgets a deleted note's entries.
    func remove(_ path: String) {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        state.withLock { $0.keys[standardized] = nil }
    }

    /// Every known note's entries, in the order of their names.
    func entries() -> WorkspaceEntries {
        let all = state.withLock { $0.keys }
        let named = all.compactMap { path, keys in name(of: path).map { (name: $0, keys: keys) } }
        return WorkspaceEntries(named.sorted { $0.name < $1.name })
    }
}
