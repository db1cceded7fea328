import Foundation

/// Absolute, normalized paths without Foundation's URL machinery, which cost a quarter of a
/// warm (cached) run when done for every file. Paths with `.` or `..` segments fall back to it.
public enum AbsolutePath {
    public static let workingDirectory = FileManager.default.currentDirectoryPath

    public static func of(_ path: String) -> String {
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        let joined = relative.hasPrefix("/") ? String(relative) : workingDirectory + "/" + relative
        return isNormal(joined) ? joined : URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    /// No empty, `.` or `..` segment: checked on the bytes (Foundation's `contains` on
    /// strings was most of this function's cost).
    private static func isNormal(_ path: String) -> Bool {
        var segmentLength = 0
        var dots = 0
        for byte in path.utf8.dropFirst() {
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
