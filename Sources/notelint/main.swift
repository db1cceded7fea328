import ArgumentParser
import Foundation

// Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration errors and
// unreadable inputs. swift-argument-parser's own usage errors (64) are folded into 2.
do {
    var command = try Notelint.parseAsRoot()
    try command.run()
} catch let failure as RunFailure {
    for line in failure.lines { FileHandle.standardError.write(Data("notelint: \(line)\n".utf8)) }
    Foundation.exit(2)
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = Notelint.exitCode(for: error)
    if code == .success {
        Notelint.exit(withError: error)
    }
    FileHandle.standardError.write(Data((Notelint.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
