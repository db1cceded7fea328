import Foundation
import NoteSyntax

/// Finds and caches the `.notelint.yml` that governs each folder: the nearest one from the
/// folder up to the root of its git work tree (or the filesystem root outside git), over the
/// user's own file (`$XDG_CONFIG_HOME/notelint/config.yml`, else `~/.config/notelint/config.yml`).
public final class ConfigurationLocator: @unchecked Sendable {
    private var cache: [String: Configuration] = [:]
    private let lock = NSLock()
    private let fileManager = FileManager.default
    private let userPath: String?
    private var user: Configuration?? = nil

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            userPath = (xdg as NSString).appendingPathComponent("notelint/config.yml")
        } else if let home = environment["HOME"], !home.isEmpty {
            userPath = (home as NSString).appendingPathComponent(".config/notelint/config.yml")
        } else {
            userPath = nil
        }
    }

    /// The user-level configuration, when the file exists.
    private func userConfiguration() throws -> Configuration? {
        if let user { return user }
        let loaded = try userPath.flatMap { fileManager.fileExists(atPath: $0) ? try Self.load(path: $0) : nil }
        user = .some(loaded)
        return loaded
    }

    /// The configuration for a file in `folder` (an absolute, standardized path).
    public func configuration(forFolder folder: String) throws -> Configuration {
        lock.lock()
        defer { lock.unlock() }
        return try lookup(folder)
    }

    private func lookup(_ folder: String) throws -> Configuration {
        if let cached = cache[folder] { return cached }
        let candidate = (folder as NSString).appendingPathComponent(Configuration.fileName)
        let result: Configuration
        if fileManager.fileExists(atPath: candidate) {
            let project = try Self.load(path: candidate)
            result = try userConfiguration().map { project.layered(over: $0) } ?? project
        } else if isRepositoryRoot(folder) || folder == "/" || folder.isEmpty {
            result = try userConfiguration() ?? .defaults
        } else {
            result = try lookup((folder as NSString).deletingLastPathComponent)
        }
        cache[folder] = result
        return result
    }

    private func isRepositoryRoot(_ folder: String) -> Bool {
        fileManager.fileExists(atPath: (folder as NSString).appendingPathComponent(".git"))
    }

    /// Reads a configuration file and what it `extends`, relative to its folder.
    public static func load(path: String) throws -> Configuration {
        try load(path: path, visiting: [])
    }

    private static func load(path: String, visiting: [String]) throws -> Configuration {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        guard !visiting.contains(standardized) else {
            throw ConfigurationError(message: "\(path): `extends` loops back: \((visiting + [standardized]).joined(separator: " -> "))")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(message: "\(path): cannot read the configuration file")
        }
        let text = SourceText(bytes: Array(NoteFile.removingBOM(Array(data)).bytes))
        let configuration = try Configuration.parse(text, path: path)
        guard let extends = configuration.extends else { return configuration }
        let basePath = extends.hasPrefix("/") ? extends : ((standardized as NSString).deletingLastPathComponent as NSString).appendingPathComponent(extends)
        return configuration.layered(over: try load(path: basePath, visiting: visiting + [standardized]))
    }
}
