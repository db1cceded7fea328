import ArgumentParser

struct Notelint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notelint",
        abstract: "Lint Markdown research notes: front matter, entries, footnotes.",
        discussion: """
            Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, \
            2 for usage errors, invalid configuration, and unreadable or missing files.

            Shell completions: notelint --generate-completion-script bash|zsh|fish
            """,
        version: version,
        subcommands: [
            CheckCommand.self, LspCommand.self, InitCommand.self, FillCommand.self, CacheCommand.self, RulesCommand.self,
            ExplainCommand.self, GenerateDocsCommand.self, DebugSyntaxCommand.self,
        ],
        defaultSubcommand: nil
    )
}
