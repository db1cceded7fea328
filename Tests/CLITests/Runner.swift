import Foundation
import Synchronization

/// Runs the built `notelint` binary as a user would, capturing its output and exit status.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum Notelint {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable next to the test bundle (both are build products of the same build).
    static let binary: URL = {
        if let override = ProcessInfo.processInfo.environment["NOTELINT_BINARY"] { return URL(fileURLWithPath: override) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.lastPathComponent == "MacOS" { folder = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
        let candidate = folder.appendingPathComponent("notelint")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return packageRoot.appendingPathComponent(".build/debug/notelint")
    }()

    @discardableResult
    static func run(_ arguments: [String], in directory: URL = packageRoot, stdin: Data? = nil,
                    environment: [String: String] = [:], executable: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env.removeValue(forKey: "XDG_CONFIG_HOME")
        env.removeValue(forKey: "XDG_CACHE_HOME")
        env["HOME"] = FileManager.default.temporaryDirectory.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
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
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData.withLock { $0 }, as: UTF8.self))
    }
}

/// A fresh temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ relative: String, _ text: String) throws { try write(relative, Data(text.utf8)) }

    func write(_ relative: String, _ data: Data) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func read(_ relative: String) -> Data { FileManager.default.contents(atPath: url.appendingPathComponent(relative).path) ?? Data() }
}

/// Compares text with a committed golden file; NOTELINT_UPDATE_GOLDENS=1 rewrites it instead.
enum Golden {
    static var updating: Bool { ProcessInfo.processInfo.environment["NOTELINT_UPDATE_GOLDENS"] == "1" }

    static func matches(_ actual: Data, file relative: String) throws -> Bool {
        let url = Notelint.packageRoot.appendingPathComponent(relative)
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url)
            return true
        }
        return FileManager.default.contents(atPath: url.path) == actual
    }

    static func matches(_ actual: String, file relative: String) throws -> Bool { try matches(Data(actual.utf8), file: relative) }
}
