import Foundation

/// Compares output with a committed golden file; NOTELINT_UPDATE_GOLDENS=1 rewrites the file
/// instead (then review the diff).
public enum Golden {
    public static var updating: Bool { ProcessInfo.processInfo.environment["NOTELINT_UPDATE_GOLDENS"] == "1" }

    /// Whether `actual` is the content of `relative` (a path from the package root); when
    /// updating, writes it there and answers true.
    public static func matches(_ actual: Data, file relative: String) throws -> Bool {
        let url = PackagePaths.url(relative)
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url)
            return true
        }
        return FileManager.default.contents(atPath: url.path) == actual
    }

    public static func matches(_ actual: String, file relative: String) throws -> Bool { try matches(Data(actual.utf8), file: relative) }
}
