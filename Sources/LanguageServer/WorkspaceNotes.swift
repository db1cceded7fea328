import Foundation
import JSONRPC
import NoteLint

/// The notes of the workspace folders: where they are, and the entry keys of each (from
/// disk, or from the editor for open documents), so `entry-duplicate` with
/// `scope: workspace` can compare a note with every other. Thread-safe.
final class WorkspaceNotes: @unchecked Sendable {
    private let lock = NSLock()
    /// Workspace lints run here, one at a time, off the server's queue.
    let queue = DispatchQueue(label: "notelint.workspace")
    private var progressTokens = 0
    private var folders: [String] = []
    private var keys: [String: NoteEntryKeys] = [:]

    /// At most this many notes are read: a folder that holds more is not a notes folder.
    static let maximumNotes = 20_000

    /// Folders from `initialize`: `workspaceFolders`, else `rootUri`, else `rootPath`.
    func setFolders(from params: JSON) {
        var found: [String] = []
        if let list = params["workspaceFolders"]?.array {
            found = list.compactMap { $0["uri"]?.string.flatMap(DocumentURI.path) }
        } else if let root = params["rootUri"]?.string.flatMap(DocumentURI.path) {
            found = [root]
        } else if let root = params["rootPath"]?.string {
            found = [root]
        }
        let standardized = found.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        lock.lock()
        folders = standardized
        lock.unlock()
    }

    var currentFolders: [String] {
        lock.lock()
        defer { lock.unlock() }
        return folders
    }

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

    /// Markdown files (`.md`, `.markdown`) under the folders, sorted, skipping hidden files
    /// and folders and `node_modules`.
    func discover() -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for folder in currentFolders {
            guard let walker = manager.enumerator(at: URL(fileURLWithPath: folder), includingPropertiesForKeys: [.isRegularFileKey],
                                                  options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker {
                if url.lastPathComponent == "node_modules" { walker.skipDescendants(); continue }
                let ext = url.pathExtension.lowercased()
                guard ext == "md" || ext == "markdown", (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                files.append(url.standardizedFileURL.path)
                if files.count >= Self.maximumNotes { break }
            }
        }
        return Array(Set(files)).sorted()
    }

    /// A fresh `$/progress` token.
    func nextProgressToken() -> String {
        lock.lock()
        defer { lock.unlock() }
        progressTokens += 1
        return "notelint-workspace-\(progressTokens)"
    }

    /// The document of a note as it is on disk; nil when it cannot be read or is too large.
    static func load(_ path: String) -> Document? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, size <= Server.maximumDocumentSize,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return Document(uri: DocumentURI.fileURI(path), version: 0, text: String(decoding: data, as: UTF8.self))
    }

    func update(_ path: String, keys noteKeys: NoteEntryKeys) {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        lock.lock()
        keys[standardized] = noteKeys
        lock.unlock()
    }

    /// Every known note's entries, in the order of their names.
    func entries() -> WorkspaceEntries {
        lock.lock()
        let all = keys
        lock.unlock()
        let named = all.compactMap { path, keys in name(of: path).map { (name: $0, keys: keys) } }
        return WorkspaceEntries(named.sorted { $0.name < $1.name })
    }
}
