import Foundation
import NoteSyntax

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
            let found = isDirectory.boolValue ? notes(inDirectory: path, failures: &failures) : [path]
            for file in found where paths.count == 1 || seen.insert(sameFileKey(file)).inserted {
                files.append(Found(path: file, searchRoot: isDirectory.boolValue ? path : nil))
            }
        }
        return (files, failures)
    }

    /// The path without empty and `.` parts, so that `notes/a.md`, `./notes/a.md` and
    /// `notes//a.md` name one note. Lexical only: resolving links would cost a system call a
    /// file on a pre-commit run that names thousands.
    static func sameFileKey(_ path: String) -> String {
        // Nearly every path has no empty or `.` part: it is its own key, without splitting it.
        if isOwnSameFileKey(path) { return path }
        return sameFileKeyBySplitting(path)
    }

    static func sameFileKeyBySplitting(_ path: String) -> String {
        let parts = path.utf8.split(separator: UInt8(ascii: "/")).filter { !$0.elementsEqual(".".utf8) }
        let joined = parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
        return path.utf8.first == UInt8(ascii: "/") ? "/" + joined : joined
    }

    /// Whether no part of the path between slashes is empty or `.` (a leading `/` aside).
    private static func isOwnSameFileKey(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard !bytes.isEmpty, bytes[bytes.count - 1] != UInt8(ascii: "/") else { return false }
            var partStart = bytes[0] == UInt8(ascii: "/") ? 1 : 0
            for index in partStart...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                let length = index - partStart
                if length == 0 || (length == 1 && bytes[partStart] == UInt8(ascii: ".")) { return false }
                partStart = index + 1
            }
            return true
        }
    }

    public static func isNote(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { isNote($0[...]) }
    }

    /// Whether the last part of `path` ends in one of `extensions`, in any case: read from the
    /// bytes, as discovery asks it of every file git lists.
    static func isNote(_ path: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let dot = path.lastIndex(of: UInt8(ascii: ".")), dot > path.startIndex, path[dot - 1] != UInt8(ascii: "/"),
            !path[dot...].contains(UInt8(ascii: "/"))
        else { return false }
        let found = path[(dot + 1)...]
        return extensions.contains { $0.utf8.count == found.count && zip($0.utf8, found).allSatisfy { $0 == ASCIIByte.lowercased($1) } }
    }

    /// Hidden files and folders (`.github/`, `.obsidian/`) are skipped whether git lists them
    /// or the folder is walked, so that a folder gives the same notes in a work tree and out.
    private static func notes(inDirectory directory: String, failures: inout [Failure]) -> [String] {
        let found = gitListedNotes(in: directory) ?? walk(directory, failures: &failures)
        return found.map { join(directory, $0) }.sorted()
    }

    /// Whether a path relative to a searched folder has a part starting with a dot.
    public static func isHidden(_ relative: String) -> Bool {
        var relative = relative
        return relative.withUTF8 { isHidden($0[...]) }
    }

    static func isHidden(_ relative: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in relative {
            if byte == UInt8(ascii: ".") && previous == UInt8(ascii: "/") { return true }
            previous = byte
        }
        return false
    }

    private static func join(_ directory: String, _ relative: String) -> String {
        if directory == "." { return relative }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    /// Notes under `directory` that git does not ignore (tracked or untracked), relative to it,
    /// hidden ones left out; nil outside a work tree or without git.
    private static func gitListedNotes(in directory: String) -> [String]? {
        // Tagged (`-t`), so that tracked files deleted from the work tree, which --cached still
        // lists, come out by their `R` lines instead of a stat of every file.
        let arguments = [
            "git", "-C", directory, "ls-files", "-z", "-t", "--cached", "--others", "--deleted", "--exclude-standard", "--", ".",
        ]
        guard let output = try? Subprocess.run(arguments, deadline: Subprocess.gitDeadline), output.succeeded else { return nil }
        // Paths as bytes, sorted and compared as bytes: a path listed twice (cached and deleted)
        // is one path, and no String is hashed or made for those left out.
        var files: [ArraySlice<UInt8>] = []
        var deleted: [ArraySlice<UInt8>] = []
        for line in output.standardOutput.split(separator: 0) where line.count > 2 {
            let isListedNote = line.withUnsafeBufferPointer { line in
                let relative = line[2...]
                return isNote(relative) && !isHidden(relative)
            }
            guard isListedNote else { continue }
            let relative = line.dropFirst(2)
            switch line.first {
            case UInt8(ascii: "R"):
                deleted.append(relative)
            case UInt8(ascii: "S"):
                // Outside a sparse checkout's cone: in the index, and in the work tree or not.
                var info = stat()
                if stat(join(directory, String(decoding: relative, as: UTF8.self)), &info) == 0 { files.append(relative) }
            default:
                files.append(relative)
            }
        }
        let precedes: (ArraySlice<UInt8>, ArraySlice<UInt8>) -> Bool = { $0.lexicographicallyPrecedes($1) }
        files.sort(by: precedes)
        deleted.sort(by: precedes)
        var kept: [String] = []
        kept.reserveCapacity(files.count)
        var gone = 0
        for index in files.indices where index == 0 || files[index] != files[index - 1] {
            while gone < deleted.count && precedes(deleted[gone], files[index]) { gone += 1 }
            if gone < deleted.count && deleted[gone] == files[index] { continue }
            kept.append(String(decoding: files[index], as: UTF8.self))
        }
        return kept
    }

    /// Every note below `directory`, skipping hidden files and folders, relative to it.
    /// Symbolic links are followed, each folder is entered once (so a link back up does not
    /// loop), and a folder that cannot be read is reported and skipped.
    private static func walk(_ directory: String, failures: inout [Failure]) -> [String] {
        struct FolderID: Hashable {
            let device: UInt64
            let inode: UInt64
        }
        func identity(_ info: stat) -> FolderID { FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) }
        var files: [String] = []
        var visited = Set<FolderID>()
        var info = stat()
        guard stat(directory, &info) == 0 else { return [] }
        visited.insert(identity(info))
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? directory : join(directory, relative)
            guard let handle = opendir(folder) else {
                failures.append(Failure(path: folder, reason: "cannot read the folder: \(String(cString: strerror(errno)))"))
                continue
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                // stat follows links; a broken or looping link fails and is skipped.
                guard stat(join(directory, child), &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if visited.insert(identity(info)).inserted { pending.append(child) }
                case S_IFREG:
                    if isNote(name) { files.append(child) }
                default:
                    break
                }
            }
        }
        return files
    }
}
