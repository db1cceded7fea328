/// A command line notelint cannot run (exit status 2): `main` prints one line, the message and
/// where the command's help is.
struct UsageError: Error {
    let message: String
    /// The command's words after `notelint` (`check`, `cache clear`); filled in by the
    /// dispatcher when the command that threw it left it out.
    var command: [String]?

    init(_ message: String, command: [String]? = nil) {
        self.message = message
        self.command = command
    }

    var line: String {
        let help = (["notelint"] + (command ?? []) + ["--help"]).joined(separator: " ")
        return "notelint: \(message)\(message.hasSuffix("?") ? " See" : "; see") `\(help)`"
    }
}

/// Ends the run with this exit status, after the command has printed what it had to say.
struct ExitStatus: Error {
    let code: Int32

    init(_ code: Int32) { self.code = code }
}
