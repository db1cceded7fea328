import Foundation
import NoteSyntax

/// Finds and caches the `.notelint.yml` that governs each folder: the nearest one from the
/// folder up to the root of its git work tree (or the filesystem root outside git).
public final class ConfigurationLocator: @unchecked Sendable {
    private var cache: [String: Configuration] = [:]
    private let lock = NSLock()
    private let fileManager = FileManager.default

    public init() {}

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
            result = try Self.load(path: candidate)
        } else if isRepositoryRoot(folder) || folder == "/" || folder.isEmpty {
            result = .defaults
        } else {
            result = try lookup((folder as NSString).deletingLastPathComponent)
        }
        cache[folder] = result
        return result
    }

    private func isRepositoryRoot(_ folder: String) -> Bool {
        fileManager.fileExists(atPath: (folder as NSString).appendingPathComponent(".git"))
    }

    public static func load(path: String) throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(message: "\(path): cannot read the configuration file")
        }
        let text = SourceText(bytes: Array(NoteFile.removingBOM(Array(data)).bytes))
        return try Configuration.parse(text, path: path)
    }
}
