import Foundation

/// Turns the paths on the command line into the notes to lint. A directory is searched for
/// `*.md` and `*.markdown`; inside a git work tree git itself says which files it ignores.
/// A file named explicitly is always linted. The CLI and the language server's workspace
/// share it, with `NoteSelection` applying the configuration's `include` and `exclude`.
public struct FileDiscovery {
    public static let extensions: Set<String> = ["md", "markdown"]

    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public struct Found: Sendable {
        public let path: String
        /// The folder argument it was found in; nil for a file named on the command line.
        public let searchRoot: String?

        public init(path: String, searchRoot: String?) {
            self.path = path
            self.searchRoot = searchRoot
        }
    }

    /// The files to lint, each once, in the order given (directories sorted), and the paths
    /// that could not be used.
    public static func files(for paths: [String]) -> (files: [Found], failures: [Failure]) {
        var files: [Found] = []
        var seen = Set<String>()
        var failures: [Failure] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                failures.append(Failure(path: path, reason: "no such file or directory"))
                continue
            }
            let found = isDirectory.boolValue ? notes(inDirectory: path) : [path]
            for file in found where paths.count == 1 || seen.insert((file as NSString).standardizingPath).inserted {
                files.append(Found(path: file, searchRoot: isDirectory.boolValue ? path : nil))
            }
        }
        return (files, failures)
    }

    public static func isNote(_ path: String) -> Bool {
        extensions.contains((path as NSString).pathExtension.lowercased())
    }

    private static func notes(inDirectory directory: String) -> [String] {
        let found = gitListedFiles(in: directory) ?? walk(directory)
        return found.filter(isNote).map { join(directory, $0) }.sorted()
    }

    private static func join(_ directory: String, _ relative: String) -> String {
        if directory == "." { return relative }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    /// Files under `directory` that git does not ignore (tracked or untracked), relative to it;
    /// nil outside a work tree or without git.
    private static func gitListedFiles(in directory: String) -> [String]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        var files = Set<String>()
        for name in data.split(separator: 0) {
            let relative = String(decoding: name, as: UTF8.self)
            // Tracked files deleted from the work tree are still listed by --cached.
            if FileManager.default.fileExists(atPath: join(directory, relative)) { files.insert(relative) }
        }
        return Array(files)
    }

    /// Every note below `directory`, skipping hidden files and folders, relative to it.
    private static func walk(_ directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard isNote(name) else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: join(directory, relative), isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(relative)
            }
        }
        return files
    }
}
