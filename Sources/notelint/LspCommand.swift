import Foundation
import JSONRPC
import LanguageServer

struct LspCommand {
    static let spec = CommandSpec(
        name: "lsp",
        abstract: "Run the language server over standard input and output (LSP 3.17).",
        discussion: "Logs go to standard error. Editor set-ups: see editors/ in the source tree.",
        options: [
            .flag("stdio", help: "Use standard input and output (the default and only transport; accepted for clients that pass it)."),
            .value(
                "log-level", help: "Log level on standard error: error, warning, info or debug.",
                choices: ["error", "warning", "info", "debug"], default: "warning"),
            .value(
                "max-message-size", help: "The largest message read, in megabytes; larger ones are skipped with an error response.",
                isInteger: true, default: "64"),
        ],
        run: { try LspCommand($0).run() }
    )

    let logLevel: String
    let maxMessageSize: Int

    init(_ arguments: ParsedArguments) throws {
        logLevel = arguments.value("log-level") ?? "warning"
        maxMessageSize = arguments.integer("max-message-size") ?? 64
        guard Log.Level(name: logLevel) != nil else { throw UsageError("--log-level must be error, warning, info or debug") }
        guard maxMessageSize > 0 else { throw UsageError("--max-message-size must be positive") }
    }

    /// Linux's `F_SETPIPE_SZ` (`F_LINUX_SPECIFIC_BASE + 7`), which Glibc's module leaves out.
    private static let setPipeSize: Int32 = 1031

    func run() throws {
        ProcessMemory.limitAllocatorArenas()
        Log.level = Log.Level(name: logLevel) ?? .warning
        // Keep standard output for the protocol: anything printed by accident goes to stderr.
        let protocolOutput = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        // A large note's publishDiagnostics runs to megabytes: through a pipe of the default
        // 64 KiB, server and editor took turns some thirty times for one message. A descriptor
        // that is no pipe refuses the size, which changes nothing.
        #if os(Linux)
            _ = fcntl(protocolOutput, LspCommand.setPipeSize, 1 << 20)
        #endif
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
