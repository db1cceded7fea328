import Foundation

// Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration errors and
// unreadable inputs.
do {
    try Notelint.main(Array(CommandLine.arguments.dropFirst()))
} catch let failure as RunFailure {
    for line in failure.lines { FileHandle.standardError.write(Data("notelint: \(line)\n".utf8)) }
    Foundation.exit(2)
} catch let usage as UsageError {
    FileHandle.standardError.write(Data((usage.line + "\n").utf8))
    Foundation.exit(2)
} catch let status as ExitStatus {
    fflush(nil)
    Foundation.exit(status.code)
} catch {
    FileHandle.standardError.write(Data("notelint: \(error)\n".utf8))
    Foundation.exit(2)
}
