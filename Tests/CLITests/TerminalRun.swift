import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

// glibc's pseudo-terminal functions, which the Glibc module does not export.
@_silgen_name("posix_openpt") private func posixOpenPT(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantPT(_ descriptor: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockPT(_ descriptor: Int32) -> Int32
@_silgen_name("ptsname") private func terminalName(_ descriptor: Int32) -> UnsafeMutablePointer<CChar>?

extension Notelint {
    /// Runs notelint with standard error on a pseudo-terminal, as a user at a terminal sees
    /// it (progress lines are drawn only there); standard output stays a pipe.
    static func runAtTerminal(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> Run {
        // A home of its own, removed after the run, for whatever the process keeps there.
        let home = try TemporaryFolder(prefix: "notelint-home")
        defer { withExtendedLifetime(home) {} }
        let master = posixOpenPT(O_RDWR | O_NOCTTY)
        guard master >= 0, grantPT(master) == 0, unlockPT(master) == 0, let name = terminalName(master) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSDebugDescriptionErrorKey: "no pseudo-terminal: errno \(errno)"])
        }
        let terminal = open(name, O_RDWR | O_NOCTTY)
        guard terminal >= 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSDebugDescriptionErrorKey: "cannot open \(String(cString: name))"])
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "XDG_CACHE_HOME")
        env["HOME"] = home.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        close(terminal)  // the child holds its own copy; the master reads EIO once it exits
        var shown = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            shown += buffer[0..<count]
        }
        close(master)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: shown, as: UTF8.self))
    }
}
