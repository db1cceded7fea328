import Foundation
import NoteSyntax

/// Absolute, normalized paths without Foundation's URL machinery, which cost a quarter of a
/// warm (cached) run when done for every file. Paths with `.` or `..` segments fall back to it.
public enum AbsolutePath {
    public static let workingDirectory = FileManager.default.currentDirectoryPath

    public static func of(_ path: String) -> String {
        var path = path
        let joined = path.withUTF8 { bytes in
            var start = 0
            while bytes.count - start >= 2 && bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: "/") { start += 2 }
            let relative = String(decoding: bytes[start...], as: UTF8.self)
            return bytes.count > start && bytes[start] == UInt8(ascii: "/") ? relative : workingDirectory + "/" + relative
        }
        return isNormal(joined) ? joined : URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    /// No empty, `.` or `..` segment: checked on the bytes (Foundation's `contains` on
    /// strings was most of this function's cost).
    private static func isNormal(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            var segmentLength = 0
            var dots = 0
            for byte in bytes.dropFirst() {
                if byte == UInt8(ascii: "/") {
                    if segmentLength == 0 || dots == segmentLength { return false }
                    segmentLength = 0
                    dots = 0
                } else {
                    segmentLength += 1
                    if byte == UInt8(ascii: ".") { dots += 1 }
                }
            }
            return segmentLength > 0 && dots != segmentLength
        }
    }
}

/// A file path's parts, read from its bytes: NSString's path methods cost tens of thousands of
/// instructions a call, and a warm run asks them of every file.
public enum PathParts {
    /// The folder of a file's `path`: `notes/a.md` -> `notes`, `a.md` -> ``, `/a.md` -> `/`.
    public static func folder(of path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            guard let end = folderEnd(bytes) else { return "" }
            return end == 0 ? "/" : String(decoding: bytes[..<end], as: UTF8.self)
        }
    }

    /// Whether `folder(of: path)` is `folder`, told without making it.
    public static func isFolder(_ folder: String, of path: String) -> Bool {
        var path = path
        var folder = folder
        return path.withUTF8 { bytes in
            folder.withUTF8 { folder in
                guard let end = folderEnd(bytes) else { return folder.isEmpty }
                return end == 0 ? folder.count == 1 && folder[0] == UInt8(ascii: "/") : bytes[..<end].elementsEqual(folder)
            }
        }
    }

    /// Where the folder part of a path's bytes ends: nil for none (`a.md`), 0 for the root.
    private static func folderEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var end = bytes.count
        // A trailing slash (not the root's) ends no part.
        while end > 1, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        guard var slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) else { return nil }
        while slash > 0, bytes[slash - 1] == UInt8(ascii: "/") { slash -= 1 }
        return slash
    }

    /// `folder` and `name` joined by one slash.
    public static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.utf8.last == UInt8(ascii: "/") ? folder + name : folder + "/" + name
    }
}
