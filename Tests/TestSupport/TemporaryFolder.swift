import Foundation

/// A fresh folder under the system's temporary directory (`$TMPDIR`, else /tmp), removed with
/// everything in it when the last reference to it goes away. Keep it for as long as anything
/// (a process, a server, a cache) may still write there: a suite that stores one in a property
/// keeps it for the whole test.
public final class TemporaryFolder: Sendable {
    public let url: URL

    /// The folder is named `PREFIX-UUID`, so what a test made is recognisable if it survives.
    public init(prefix: String = "notelint-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { Self.remove(url.path) }

    public var path: String { url.path }

    public func url(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    public func path(_ relative: String) -> String { url(relative).path }

    /// Writes `text` to `relative`, creating the folders on the way.
    public func write(_ relative: String, _ text: String) throws { try write(relative, Data(text.utf8)) }

    public func write(_ relative: String, _ data: Data) throws {
        let file = url(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// The bytes of `relative`, or none when it cannot be read.
    public func read(_ relative: String) -> Data { FileManager.default.contents(atPath: path(relative)) ?? Data() }

    public struct GitFailed: Error, CustomStringConvertible {
        public let arguments: [String]
        public let status: Int32
        public var description: String { "git \(arguments.joined(separator: " ")) exited with \(status)" }
    }

    /// Runs git in this folder (`git init`, `git add .`, `git commit` as a fixed author) and
    /// throws when it fails.
    public func git(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", path, "-c", "user.name=t", "-c", "user.email=t@example.org"] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GitFailed(arguments: arguments, status: process.terminationStatus) }
    }

    /// Removes `path`; when a test left a folder in it unreadable or unwritable (as a user
    /// other than root cannot remove), gives the owner access back first.
    private static func remove(_ path: String) {
        let manager = FileManager.default
        if (try? manager.removeItem(atPath: path)) != nil || !manager.fileExists(atPath: path) { return }
        restoreAccess(path)
        try? manager.removeItem(atPath: path)
    }

    private static func restoreAccess(_ path: String) {
        let manager = FileManager.default
        // attributesOfItem does not follow a symbolic link, so a link to a folder is left alone.
        guard let attributes = try? manager.attributesOfItem(atPath: path), attributes[.type] as? FileAttributeType == .typeDirectory else {
            return
        }
        let mode = (attributes[.posixPermissions] as? Int) ?? 0
        try? manager.setAttributes([.posixPermissions: mode | 0o700], ofItemAtPath: path)
        for name in (try? manager.contentsOfDirectory(atPath: path)) ?? [] { restoreAccess(path + "/" + name) }
    }
}
