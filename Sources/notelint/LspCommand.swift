import ArgumentParser
import Foundation
import JSONRPC
import LanguageServer

struct LspCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server over standard input and output (LSP 3.17).",
        discussion: "Logs go to standard error. Editor set-ups: see editors/ in the source tree."
    )

    @Flag(help: "Use standard input and output (the default and only transport; accepted for clients that pass it).")
    var stdio = false

    @Option(help: "Log level on standard error: error, warning, info or debug.")
    var logLevel: String = "warning"

    @Option(help: "The largest message read, in megabytes; larger ones are skipped with an error response.")
    var maxMessageSize: Int = 64

    func validate() throws {
        guard Log.Level(name: logLevel) != nil else { throw ValidationError("--log-level must be error, warning, info or debug") }
        guard maxMessageSize > 0 else { throw ValidationError("--max-message-size must be positive") }
    }

    func run() throws {
        ProcessMemory.limitAllocatorArenas()
        Log.level = Log.Level(name: logLevel) ?? .warning
        // Keep standard output for the protocol: anything printed by accident goes to stderr.
        let protocolOutput = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        signal(SIGPIPE, SIG_IGN)
        let connection = Connection(descriptor: protocolOutput)
        let server = Server(connection: connection, version: Notelint.version) { status in
            Foundation.exit(status)
        }
        let reader = MessageReader(descriptor: STDIN_FILENO, maximumSize: maxMessageSize * 1024 * 1024)
        let status = MessageLoop.run(reader: reader, connection: connection, server: server)
        Foundation.exit(status)
    }
}
