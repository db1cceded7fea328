import Foundation
import Synchronization
import TestSupport

/// Runs the built `notelint` binary as a user would, capturing its output and exit status.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum Notelint {
    /// The executable next to the test bundle (both are build products of the same build).
    static let binary: URL = {
        if let override = ProcessInfo.processInfo.environment["NOTELINT_BINARY"] { return URL(fileURLWithPath: override) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.lastPathComponent == "MacOS" {
            folder = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        let candidate = folder.appendingPathComponent("notelint")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return PackagePaths.url(".build/debug/notelint")
    }()

    @discardableResult
    static func run(
        _ arguments: [String], in directory: URL = PackagePaths.root, stdin: Data? = nil,
        environment: [String: String] = [:], executable: URL? = nil
    ) throws -> Run {
        // A home of its own, removed after the run, for whatever the process keeps there.
        let home = try TemporaryFolder(prefix: "notelint-home")
        defer { withExtendedLifetime(home) {} }
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env.removeValue(forKey: "XDG_CONFIG_HOME")
        env.removeValue(forKey: "XDG_CACHE_HOME")
        env.removeValue(forKey: "XDG_DATA_HOME")
        env.removeValue(forKey: "NOTELINT_ARXIV_DB")
        env["HOME"] = home.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so neither fills up and blocks the child.
        let errData = Mutex(Data())
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            errData.withLock { $0 = data }
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.withLock { $0 }, as: UTF8.self))
    }
}
