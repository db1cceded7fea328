import Foundation

/// Which notes found in a folder search the configuration keeps: `exclude` (of the searched
/// folder's configuration or the file's own) leaves a file out, and `include`, when set, keeps
/// only the files it matches. Patterns are read relative to the folder of the `.notelint.yml`
/// that holds them. `notelint check` and the language server's workspace select with it.
public enum NoteSelection {
    /// Whether `found` is left out; `configuration` gives a file's configuration. A pattern that
    /// covers the searched folder itself is not applied: naming a folder asks for it, as naming
    /// a file does.
    public static func excludes(_ found: FileDiscovery.Found, configuration: (String) throws -> Configuration) throws -> Bool {
        guard let searchRoot = found.searchRoot else { return false }
        return try excludes(found, folderConfiguration: configuration(probe(in: searchRoot)), fileConfiguration: configuration(found.path))
    }

    /// `excludes` given the configurations in force in the search's folder (that of a file
    /// `probe(in:)` names) and in the file's.
    public static func excludes(_ found: FileDiscovery.Found, folderConfiguration: Configuration, fileConfiguration: Configuration) -> Bool
    {
        guard let searchRoot = found.searchRoot else { return false }
        return excludes(found.path, in: searchRoot, by: folderConfiguration) || excludes(found.path, in: searchRoot, by: fileConfiguration)
            || !includes(found.path, by: fileConfiguration)
    }

    /// A file in `folder`, whose configuration is the folder's.
    public static func probe(in folder: String) -> String { PathParts.join(folder, "notelint-probe") }

    private static func excludes(_ path: String, in searchRoot: String, by configuration: Configuration) -> Bool {
        guard !configuration.exclude.isEmpty, let configPath = configuration.path else { return false }
        let root = URL(fileURLWithPath: configPath).standardizedFileURL.deletingLastPathComponent()
        let file = relativePath(URL(fileURLWithPath: path).standardizedFileURL, to: root)
        let folder = relativePath(URL(fileURLWithPath: searchRoot).standardizedFileURL, to: root)
        let probe = folder.isEmpty ? "notelint-probe" : folder + "/notelint-probe"
        return configuration.exclude.contains { $0.matches(file) && !$0.matches(probe) }
    }

    private static func includes(_ path: String, by configuration: Configuration) -> Bool {
        guard !configuration.include.isEmpty, let configPath = configuration.path else { return true }
        let root = URL(fileURLWithPath: configPath).standardizedFileURL.deletingLastPathComponent()
        let file = relativePath(URL(fileURLWithPath: path).standardizedFileURL, to: root)
        return configuration.include.contains { $0.matches(file) }
    }

    private static func relativePath(_ url: URL, to root: URL) -> String {
        let path = url.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        if path + "/" == base { return "" }
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : "../" + path
    }
}
