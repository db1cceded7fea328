import Foundation
import NoteSyntax
import Synchronization

/// Finds and caches the `.notelint.yml` that governs each folder: the nearest one from the
/// folder up to the root of its git work tree (or the filesystem root outside git), over the
/// user's own file (`$XDG_CONFIG_HOME/notelint/config.yml`, else `~/.config/notelint/config.yml`).
public final class ConfigurationLocator: Sendable {
    private struct State {
        var cache: [String: Configuration] = [:]
        /// The user's configuration once read: nil inside when there is none.
        var user: Configuration?? = nil
    }

    private let state = Mutex(State())
    private let userPath: String?

    public init(environment: [String: String] = ProcessEnvironment.notelintVariables) {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            userPath = (xdg as NSString).appendingPathComponent("notelint/config.yml")
        } else if let home = environment["HOME"], !home.isEmpty {
            userPath = (home as NSString).appendingPathComponent(".config/notelint/config.yml")
        } else {
            userPath = nil
        }
    }

    /// The user-level configuration, when the file exists.
    private func userConfiguration(_ state: inout State) throws -> Configuration? {
        if let user = state.user { return user }
        let loaded = try userPath.flatMap { FileManager.default.fileExists(atPath: $0) ? try Self.load(path: $0) : nil }
        state.user = .some(loaded)
        return loaded
    }

    /// The configuration for a file in `folder` (an absolute, standardized path).
    public func configuration(forFolder folder: String) throws -> Configuration {
        try state.withLock { state throws in try lookup(folder, &state) }
    }

    private func lookup(_ folder: String, _ state: inout State) throws -> Configuration {
        if let cached = state.cache[folder] { return cached }
        let candidate = (folder as NSString).appendingPathComponent(Configuration.fileName)
        let result: Configuration
        if FileManager.default.fileExists(atPath: candidate) {
            let project = try Self.load(path: candidate)
            result = try userConfiguration(&state).map { project.layered(over: $0) } ?? project
        } else if isRepositoryRoot(folder) || folder == "/" || folder.isEmpty {
            result = try userConfiguration(&state) ?? .defaults
        } else {
            result = try lookup((folder as NSString).deletingLastPathComponent, &state)
        }
        state.cache[folder] = result
        return result
    }

    private func isRepositoryRoot(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(".git"))
    }

    /// Reads a configuration file and what it `extends`, relative to its folder.
    public static func load(path: String) throws -> Configuration {
        try load(path: path, visiting: [])
    }

    private static func load(path: String, visiting: [String]) throws -> Configuration {
        let standardized = AbsolutePath.of(path)
        guard !visiting.contains(standardized) else {
            throw ConfigurationError(message: "\(path): `extends` loops back: \((visiting + [standardized]).joined(separator: " -> "))")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(message: "\(path): cannot read the configuration file")
        }
        let text = SourceText(bytes: Array(NoteFile.removingBOM(Array(data)).bytes))
        let configuration = try Configuration.parse(text, path: path)
        guard let extends = configuration.extends else { return configuration }
        let basePath =
            extends.hasPrefix("/")
            ? extends : ((standardized as NSString).deletingLastPathComponent as NSString).appendingPathComponent(extends)
        return configuration.layered(over: try load(path: basePath, visiting: visiting + [standardized]))
    }
}
