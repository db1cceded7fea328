import Foundation

extension FileDiscovery {
    /// Which of `paths` (absolute) git ignores in the work tree around `directory`, as a full
    /// discovery would leave them out; empty outside a work tree or without git. One
    /// `git check-ignore` for all of them (tracked files are never ignored, as with ls-files).
    public static func gitIgnored(_ paths: [String], in directory: String) -> Set<String> {
        guard !paths.isEmpty else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "check-ignore", "-z", "--stdin"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return [] }
        // Written from another thread so that a long list cannot fill both pipes at once.
        let names = Data(paths.map { $0 + "\0" }.joined().utf8)
        let writer = Thread {
            input.fileHandleForWriting.write(names)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // 0: some are ignored; 1: none is; 128: not a work tree, or git failed.
        guard process.terminationStatus == 0 else { return [] }
        return Set(data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
    }
}
