import Foundation

extension FileDiscovery {
    /// Which of `paths` (absolute) git ignores in the work tree around `directory`, as a full
    /// discovery would leave them out; empty outside a work tree or without git. Tracked files
    /// are never ignored, as with `ls-files`.
    public static func gitIgnored(_ paths: [String], in directory: String) -> Set<String> {
        var ignored = Set<String>()
        // The paths go as arguments, a bounded number at a time, so that no command line grows
        // past the system's limit.
        var start = 0
        while start < paths.count {
            let batch = Array(paths[start..<min(start + 200, paths.count)])
            start += batch.count
            guard let found = checkIgnore(batch, in: directory) else { return [] }
            ignored.formUnion(found)
        }
        return ignored
    }

    /// One `git check-ignore` run; nil outside a work tree or when git fails.
    private static func checkIgnore(_ paths: [String], in directory: String) -> Set<String>? {
        // One path per output line, unquoted but for control characters, `"` and `\`: paths
        // with those are not asked about (and so count as not ignored).
        let plain = paths.filter { path in !path.unicodeScalars.contains { $0.value < 0x20 || $0 == "\"" || $0 == "\\" } }
        guard !plain.isEmpty else { return [] }
        let arguments = ["git", "-c", "core.quotePath=false", "-C", directory, "check-ignore", "--"] + plain
        guard let output = try? Subprocess.run(arguments, deadline: Subprocess.gitDeadline) else { return nil }
        // 0: some are ignored; 1: none is; 128: not a work tree, or git failed.
        switch output.termination {
        case .exit(0): return Set(String(decoding: output.standardOutput, as: UTF8.self).split(separator: "\n").map(String.init))
        case .exit(1): return []
        default: return nil
        }
    }
}
