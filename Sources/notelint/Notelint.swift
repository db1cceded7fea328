import NoteLint

/// The command tree and its dispatch: each command's words are read against its own table
/// (`ArgumentReader`), then the command's `run` builds its struct and runs it.
enum Notelint {
    static let root = CommandSpec(
        name: "notelint",
        abstract: "Lint Markdown research notes: front matter, entries, footnotes.",
        discussion: """
            Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, \
            2 for usage errors, invalid configuration, and unreadable or missing files.

            Shell completions: notelint --generate-completion-script bash|zsh|fish
            """,
        options: [
            .flag("version", help: "Show the version."),
            .value(
                "generate-completion-script", valueName: "shell", help: "Print a completion script for bash, zsh or fish.",
                choices: CompletionScripts.shells),
        ],
        subcommands: [
            CheckCommand.spec, LspCommand.spec, InitCommand.spec, FillCommand.spec, CacheCommand.spec, RulesCommand.spec,
            ArxivCommand.spec, ExplainCommand.spec, GenerateDocsCommand.spec, DebugSyntaxCommand.spec,
        ]
    )

    /// Runs the command `arguments` (the words after the program's name) name.
    static func main(_ arguments: [String]) throws {
        var command = root
        var path: [String] = []
        var words = arguments[...]
        while true {
            let (parsed, rest) = try ArgumentReader(command: command, path: path).read(words)
            if parsed.flag("help") { return printHelp(command, path: path) }
            if path.isEmpty {
                if parsed.flag("version") { return print(version) }
                if let shell = parsed.value("generate-completion-script") {
                    return print(CompletionScripts.script(for: shell, root: root), terminator: "")
                }
            }
            if let run = command.run {
                do { try run(parsed) } catch let error as UsageError where error.command == nil {
                    throw UsageError(error.message, command: path)
                }
                return
            }
            guard let name = parsed.positionals.first else { return printHelp(command, path: path) }
            if path.isEmpty && name == "help" { return try help(Array(rest)) }
            guard let subcommand = command.subcommand(named: name) else {
                var message = "unknown command `\(name)`"
                if let near = closestMatch(to: name, in: command.visibleSubcommands.map(\.name)) { message += "; did you mean `\(near)`?" }
                throw UsageError(message, command: path)
            }
            command = subcommand
            path.append(name)
            words = rest
        }
    }

    /// `notelint help cache clear`.
    private static func help(_ names: [String]) throws {
        var command = root
        var path: [String] = []
        for name in names {
            guard let subcommand = command.subcommand(named: name) else { throw UsageError("unknown command `\(name)`", command: path) }
            command = subcommand
            path.append(name)
        }
        printHelp(command, path: path)
    }

    private static func printHelp(_ command: CommandSpec, path: [String]) {
        print(HelpText.render(command, path: path), terminator: "")
    }
}
