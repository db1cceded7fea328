import Foundation
import TestSupport
import Testing

/// The command-line parser, through the real binary: value forms, repeated options, `--`,
/// `--no-` flags, usage errors (exit 2, one line naming the option), help and completions.
@Suite struct CommandLineTests {
    private let finding = "fixtures/front-matter-missing-key.md"

    /// Every option each command takes; help must list them all.
    static let options: [String: [String]] = [
        "check": [
            "--stdin-filename", "--format", "--output-file", "--statistics", "--color", "--[no-]show-source", "-q, --quiet", "--fail-on",
            "--exit-zero", "--fix", "--unsafe-fixes", "--diff", "--config", "--online", "--select", "--ignore", "--config-override",
            "-j, --threads", "--cache-dir", "--no-cache", "--changed", "--changed-since", "-h, --help",
        ],
        "fill": ["--diff", "--dry-run", "--overwrite", "--find", "--config", "-q, --quiet", "-h, --help"],
        "lsp": ["--stdio", "--log-level", "--max-message-size", "-h, --help"],
        "init": ["--force", "-h, --help"],
        "rules": ["-h, --help"],
        "explain": ["-h, --help"],
        "cache": ["-h, --help"],
        "cache info": ["-h, --help"],
        "cache clear": ["-h, --help"],
        "arxiv": ["-h, --help"],
        "arxiv import": ["--with-abstracts", "--db", "-h, --help"],
        "arxiv sync": ["--from", "--endpoint", "--db", "-h, --help"],
        "arxiv status": ["--db", "-h, --help"],
        "arxiv search": ["--limit", "--format", "--db", "-h, --help"],
        "arxiv show": ["--format", "--db", "-h, --help"],
    ]

    /// One usage error: exit 2, one line on stderr naming what is wrong and where help is.
    private func expectUsageError(_ arguments: [String], mentions words: [String], help: String = "check") throws {
        let run = try Notelint.run(arguments)
        #expect(run.status == 2, "\(arguments)")
        #expect(run.stdout.isEmpty, "\(arguments)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(arguments): \(run.stderr)")
        #expect(run.stderr.hasPrefix("notelint: "), "\(arguments): \(run.stderr)")
        let helpCommand = (["notelint", help, "--help"].filter { !$0.isEmpty }).joined(separator: " ")
        for word in words + ["see `\(helpCommand)`"] {
            #expect(run.stderr.lowercased().contains(word.lowercased()), "\(arguments): \(run.stderr) lacks \(word)")
        }
    }

    @Test func usageErrorsNameTheOptionAndWhatIsWrong() throws {
        try expectUsageError(["check", "--bogus", finding], mentions: ["unknown option `--bogus`"])
        try expectUsageError(["check", "-x", finding], mentions: ["unknown option `-x`"])
        try expectUsageError(["check", "--quiet=yes", finding], mentions: ["--quiet takes no value"])
        try expectUsageError(["check", "--config"], mentions: ["--config needs a value"])
        try expectUsageError(["check", "--config", "--quiet", finding], mentions: ["--config needs a value"])
        try expectUsageError(["check", "-j", "many", finding], mentions: ["--threads", "`many`"])
        try expectUsageError(["check", "--color", "rainbow", finding], mentions: ["--color", "`rainbow`", "auto, always, never"])
        try expectUsageError(
            ["check", "--format=xml", finding], mentions: ["--format", "`xml`", "text, concise, json, sarif, github, junit"])
        try expectUsageError(["check", "--fail-on", "fatal", finding], mentions: ["--fail-on", "`fatal`", "warning"])
        try expectUsageError(["lsp", "--log-level", "loud"], mentions: ["--log-level", "`loud`", "debug"], help: "lsp")
        try expectUsageError(["check", "--changed", "--changed-since", "HEAD"], mentions: ["cannot be combined"])
        try expectUsageError(["explain"], mentions: ["missing <rule>"], help: "explain")
        try expectUsageError(["rules", "extra"], mentions: ["unexpected argument `extra`"], help: "rules")
        try expectUsageError(["cache", "empty"], mentions: ["unknown command `empty`"], help: "cache")
        try expectUsageError(["chek"], mentions: ["unknown command `chek`", "did you mean `check`?"], help: "")
        try expectUsageError(["--generate-completion-script", "powershell"], mentions: ["bash, zsh, fish"], help: "")
    }

    @Test func valuesAttachedWithEqualsOrGivenApart() throws {
        let apart = try Notelint.run(["check", "--format", "json", "--fail-on", "error", finding])
        let attached = try Notelint.run(["check", "--format=json", "--fail-on=error", finding])
        #expect(apart.status == 0)
        #expect(attached.status == 0)
        #expect(attached.stdout == apart.stdout)
        #expect(apart.stdout.hasPrefix("{") || apart.stdout.hasPrefix("["))
        #expect(
            try Notelint.run(["check", "-j1", "--quiet", finding]).stdout == Notelint.run(["check", "-j", "1", "--quiet", finding]).stdout)
        #expect(try Notelint.run(["check", "-qj", "1", finding]).stdout == Notelint.run(["check", "--quiet", finding]).stdout)
    }

    @Test func repeatedOptionsAccumulate() throws {
        let folder = try TemporaryFolder()
        try folder.write("note.md", "Title:\nLink:\n")
        let both = try Notelint.run(
            ["check", "--quiet", "--ignore=entry-blank", "--ignore", "front-matter-missing-key", "note.md"], in: folder.url)
        #expect(both.status == 0, "\(both.stdout)\(both.stderr)")
        let one = try Notelint.run(["check", "--quiet", "--ignore", "front-matter-missing-key", "note.md"], in: folder.url)
        #expect(one.stdout.contains("[entry-blank]"))
    }

    @Test func doubleDashEndsOptionsAndDashIsStandardInput() throws {
        let folder = try TemporaryFolder()
        try folder.write("--quiet.md", "Title:\nLink:\n")
        let run = try Notelint.run(["check", "--quiet", "--", "--quiet.md"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stdout == "--quiet.md:1:1: warning: entry has no values: a leftover template [entry-blank]\n")
        let standardInput = try Notelint.run(["check", "--quiet", "--stdin-filename", "-", "-"], stdin: Data("Title:\nLink:\n".utf8))
        #expect(standardInput.stdout == "-:1:1: warning: entry has no values: a leftover template [entry-blank]\n")
    }

    @Test func invertibleFlagsTakeTheirNoForm() throws {
        let shown = try Notelint.run(["check", "--show-source", finding])
        let hidden = try Notelint.run(["check", "--no-show-source", finding])
        let unset = try Notelint.run(["check", finding])
        #expect(shown.stdout.count > hidden.stdout.count)
        #expect(hidden.stdout == unset.stdout, "not a terminal: no source by default")
        #expect(try Notelint.run(["check", "--show-source", "--no-show-source", finding]).stdout == hidden.stdout, "the last one counts")
    }

    @Test func helpListsEveryOption() throws {
        for (command, options) in Self.options {
            let words = command.split(separator: " ").map(String.init)
            let help = try Notelint.run(words + ["--help"])
            #expect(help.status == 0, "\(command) --help")
            #expect(help.stdout.contains("USAGE: notelint \(command)"), "\(command) --help")
            for option in options { #expect(help.stdout.contains("  \(option)"), "\(command) --help lacks \(option)") }
            #expect(help.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(command) --help is wider than 80 columns")
            #expect(try Notelint.run(["help"] + words).stdout == help.stdout)
            #expect(try Notelint.run(words + ["-h"]).stdout == help.stdout)
        }
        let root = try Notelint.run([])
        #expect(root.status == 0)
        for command in ["check", "lsp", "init", "fill", "cache", "arxiv", "rules", "explain"] {
            #expect(root.stdout.contains("  \(command) "))
        }
        #expect(!root.stdout.contains("debug-syntax"), "hidden commands stay out of help")
    }

    @Test func completionScriptsForEveryShell() throws {
        for shell in ["bash", "zsh", "fish"] {
            let run = try Notelint.run(["--generate-completion-script", shell])
            #expect(run.status == 0, "\(shell)")
            for word in [
                "check", "fill", "cache", "arxiv", "with-abstracts", "explain", "format", "sarif", "config-override", "show-source",
                "entry-blank",
            ] {
                #expect(run.stdout.contains(word), "\(shell) script lacks \(word)")
            }
            #expect(!run.stdout.contains("debug-syntax"), "\(shell) script offers a hidden command")
            #expect(!run.stdout.contains("bench-queries"), "\(shell) script offers a hidden command")
        }
        let folder = try TemporaryFolder()
        let bash = try Notelint.run(["--generate-completion-script=bash"])
        try folder.write("notelint.bash", bash.stdout)
        let syntax = try shell(["bash", "-n", "notelint.bash"], in: folder.url)
        #expect(syntax.status == 0, "\(syntax.output)")
        // zsh and fish check the syntax of theirs where they are installed.
        for shell in ["zsh", "fish"] where try self.shell(["sh", "-c", "command -v \(shell)"], in: folder.url).status == 0 {
            try folder.write("notelint.\(shell)", try Notelint.run(["--generate-completion-script", shell]).stdout)
            let checked = try self.shell([shell, "-n", "notelint.\(shell)"], in: folder.url)
            #expect(checked.status == 0, "\(shell): \(checked.output)")
        }
        // What bash offers after a few partial words.
        for (line, expected) in [
            ("notelint ch", "check"), ("notelint check --fo", "--format"), ("notelint check --format j", "json"),
            ("notelint cache c", "clear"), ("notelint lsp --log-level d", "debug"), ("notelint explain entry-bl", "entry-blank"),
            ("notelint check --no-show", "--no-show-source"),
        ] {
            let script =
                "source notelint.bash; COMP_WORDS=(\(line) ); [[ \"\(line)\" == *' ' ]] && COMP_WORDS+=(''); "
                + "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _notelint; printf '%s\\n' \"${COMPREPLY[@]}\""
            let offered = try shell(["bash", "-c", script], in: folder.url)
            #expect(offered.output.split(separator: "\n").contains(Substring(expected)), "\(line): \(offered.output)")
        }
    }

    private func shell(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
