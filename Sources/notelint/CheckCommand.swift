import Dispatch
import Foundation
import LanguageServer
import NoteLint
import NoteSyntax

enum OutputFormat: String, CaseIterable {
    case text
    case concise
    case json
    case sarif
    case github
    case junit
}

enum ColorChoice: String, CaseIterable {
    case auto
    case always
    case never
}

struct CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Lint notes: files, or folders searched for *.md and *.markdown.",
        discussion: """
            With no path, the current folder is checked. Inside a git work tree, files git ignores \
            are skipped. `-` reads standard input.
            """,
        options: [
            .value(
                "stdin-filename", help: "The name to report standard input under (also where its configuration is looked up).",
                completion: .file),
            .value(
                "format", help: "Output format: text, concise, json, sarif, github or junit.",
                choices: OutputFormat.allCases.map(\.rawValue), default: "text"),
            .value(
                "output-file", help: "Write the report, in --format, to this file; the terminal gets the text report.", completion: .file),
            .flag("statistics", help: "Print how many findings each rule made instead of the findings."),
            .value(
                "color", help: "Colour: auto (a terminal, unless NO_COLOR is set), always or never.",
                choices: ColorChoice.allCases.map(\.rawValue), default: "auto"),
            .invertibleFlag("show-source", help: "Show the source line under each finding (default: on a terminal)."),
            .flag("quiet", short: "q", help: "Print findings only, no summary."),
            .value(
                "fail-on", help: "The least severity that makes the exit status 1: error, warning or info.",
                choices: Severity.allCases.map(\.rawValue), default: "warning"),
            .flag("exit-zero", help: "Exit 0 even when there are findings (but 2 when something failed)."),
            .flag("fix", help: "Apply safe fixes in place, then report what remains."),
            .flag("unsafe-fixes", help: "With --fix or --diff, apply unsafe fixes too."),
            .flag("diff", help: "Print the fixes as a unified diff instead of writing them; exit 1 when there is any."),
            .value("config", help: "Use this configuration file instead of the nearest .notelint.yml.", completion: .file),
            .flag(
                "online", help: "Before linting, fetch the arXiv metadata the local cache lacks (batched, at most one request every 3 s)."),
            .repeated("select", valueName: "rules", help: "Check only these rules (comma-separated; may be repeated)."),
            .repeated("ignore", valueName: "rules", help: "Turn these rules off (comma-separated; may be repeated)."),
            .repeated(
                "config-override", valueName: "key=value",
                help: "Override a configuration key, as KEY=VALUE in YAML: rules.entry-blank=off, rules.date-format.style=iso."),
            .value("threads", short: "j", help: "Lint on this many threads (default: one per core).", isInteger: true),
            .value(
                "cache-dir", valueName: "folder",
                help: "Keep the result cache here (default: .notelint_cache in the project root, else under $XDG_CACHE_HOME/notelint).",
                completion: .folder),
            .flag("no-cache", help: "Neither read nor write the result cache."),
            .flag("changed", help: "Check the notes changed against HEAD (staged, unstaged and untracked), within the paths."),
            .value("changed-since", valueName: "ref", help: "Check the notes changed since a git revision, within the paths."),
        ],
        arguments: [
            ArgumentSpec(
                name: "paths", help: "Files or folders to lint; `-` for standard input. Default: the current folder.", isRepeated: true)
        ],
        run: { try CheckCommand($0).run() }
    )

    let paths: [String]
    let stdinFilename: String?
    let format: OutputFormat
    let outputFile: String?
    let statistics: Bool
    let color: ColorChoice
    let showSource: Bool?
    let quiet: Bool
    let failOn: Severity
    let exitZero: Bool
    let fix: Bool
    let unsafeFixes: Bool
    let diff: Bool
    let config: String?
    let online: Bool
    let select: [String]
    let ignore: [String]
    let configOverride: [String]
    let threads: Int?
    let cacheDir: String?
    let noCache: Bool
    let changed: Bool
    let changedSince: String?

    init(_ arguments: ParsedArguments) throws {
        paths = arguments.positionals
        stdinFilename = arguments.value("stdin-filename")
        format = arguments.choice("format", default: .text)
        outputFile = arguments.value("output-file")
        statistics = arguments.flag("statistics")
        color = arguments.choice("color", default: .auto)
        showSource = arguments.optionalFlag("show-source")
        quiet = arguments.flag("quiet")
        failOn = arguments.choice("fail-on", default: .warning)
        exitZero = arguments.flag("exit-zero")
        fix = arguments.flag("fix")
        unsafeFixes = arguments.flag("unsafe-fixes")
        diff = arguments.flag("diff")
        config = arguments.value("config")
        online = arguments.flag("online")
        select = arguments.values("select")
        ignore = arguments.values("ignore")
        configOverride = arguments.values("config-override")
        threads = arguments.integer("threads")
        cacheDir = arguments.value("cache-dir")
        noCache = arguments.flag("no-cache")
        changed = arguments.flag("changed")
        changedSince = arguments.value("changed-since")
        if let threads, threads < 1 { throw UsageError("--threads must be at least 1") }
        if changed && changedSince != nil { throw UsageError("--changed and --changed-since cannot be combined") }
    }

    private var commandLineSettings: CommandLineSettings {
        let selected = CommandLineSettings.ruleIDs(select)
        return CommandLineSettings(
            select: selected.isEmpty ? nil : selected, ignore: CommandLineSettings.ruleIDs(ignore), overrides: configOverride)
    }

    func run() throws {
        do { try check() } catch let failure as RunFailure {
            reportFailure(failure.lines)
            throw failure
        }
    }

    /// A run that stopped before linting still answers in the machine formats, so a CI step
    /// that uploads the report shows why instead of failing on a missing or empty file.
    private func reportFailure(_ lines: [String]) {
        guard format == .sarif || format == .github else { return }
        let target = outputFile.map { try? Output.file(path: $0) } ?? Output()
        guard let output = target else { return }
        makeReporter(format, for: nil).finish([], pieces: [], failures: lines, to: output)
        output.close()
    }

    private func check() throws {
        let inputs = paths.isEmpty ? ["."] : paths
        let stdinCount = inputs.filter { $0 == "-" }.count
        if stdinCount > 1 { throw UsageError("`-` can be given once") }
        let settings = commandLineSettings
        do { try settings.validate() } catch let error as ConfigurationError {
            // The configuration file's own mistakes are reported in the same run.
            var problems = error.problems
            do {
                let files = try ConfigurationResolver(explicitPath: config, commandLine: CommandLineSettings())
                _ = try files.configuration(forFile: FileManager.default.currentDirectoryPath + "/-")
            } catch let fileError as ConfigurationError {
                problems += fileError.problems
            }
            throw RunFailure(ConfigurationError.combining(problems) ?? error)
        }
        let configurations = try ConfigurationSource(explicitPath: config, settings: settings)
        // Only plain lint runs use the cache: fixing must see the text as it is now. It is read
        // while the files are found.
        let cacheFolder = noCache || fix || diff ? nil : cacheDir ?? ResultCache.defaultFolder()
        let loadingCache = cacheFolder.map { folder in BackgroundValue { ResultCache(folder: folder) } }
        var discovery = FileDiscovery.files(for: inputs.filter { $0 != "-" })
        if changed || changedSince != nil {
            do {
                discovery.files = try ChangedFiles.filter(discovery.files, since: changedSince)
            } catch let error as ChangedFiles.Failure {
                throw RunFailure("\(error)")
            }
        }
        var failures = discovery.failures.map(\.description)
        var jobs = try discovery.files.filter { try !configurations.excludes($0) }.map { CheckJob(path: $0.path, isStandardInput: false) }
        if stdinCount == 1 {
            let index = inputs.filter { $0 != "-" }.isEmpty ? 0 : jobs.count
            jobs.insert(CheckJob(path: stdinFilename ?? "-", isStandardInput: true), at: index)
        }

        let allowed: Set<Applicability> = unsafeFixes ? [.safe, .unsafe] : [.safe]
        let mode: CheckJob.Mode = diff ? .diff(allowed) : fix ? .fix(allowed) : .lint
        // With `-` and --fix, standard output carries the fixed text; findings go to stderr.
        let stdout = Output()
        let fixingStandardInput = fix && !diff && stdinCount == 1
        let findingsOutput = fixingStandardInput ? Output(descriptor: 2) : stdout
        let fileOutput = try outputFile.map(Output.file(path:))
        let terminalFormat = outputFile == nil ? format : .text
        var reporterList = [makeReporter(terminalFormat, for: findingsOutput)]
        if fileOutput != nil { reporterList.append(makeReporter(format, for: nil)) }
        let reporters = Reporters(all: reporterList)

        Note.prepareForConcurrentParsing()
        // Standard input is read before the prefetch, which needs its links too.
        let standardInput = stdinCount == 1 ? Array(FileHandle.standardInput.readDataToEndOfFile()) : nil
        if online {
            failures += try ArxivPrefetch.run(
                jobs.filter { !$0.isStandardInput }.map(\.path),
                standardInput: standardInput.map { (stdinFilename ?? "-", $0) }, configurations: configurations)
        }
        let cache = loadingCache?.value
        // Reports are written as files finish, except where the run's end decides what comes
        // first: statistics, fixes and diffs.
        let stream =
            statistics || fix || diff
            ? nil : ReportStream(reporters: reporters.all, outputs: [findingsOutput] + (fileOutput.map { [$0] } ?? []))
        var inOrder: (@Sendable (CheckJob.Outcome) -> CheckJob.Outcome)? = nil
        if let stream { inOrder = { stream.take($0) } }
        let outcomes = try CheckJob.runAll(
            jobs, mode: mode, configurations: configurations, reporters: reporters, threads: threads,
            cache: cache, standardInput: standardInput ?? [], inOrder: inOrder)
        cache?.save()

        var reports: [RenderedFile] = []
        var fixedCount = 0
        var diffs = 0
        for outcome in outcomes {
            switch outcome {
            case .failed(let message):
                failures.append(message)
            case .checked(let report, let fixed, let diffText, let fixedStandardInput):
                reports.append(report)
                fixedCount += fixed
                if let diffText, !diffText.isEmpty {
                    diffs += 1
                    stdout.write(diffText)
                }
                if let fixedStandardInput { stdout.writeBytes(fixedStandardInput) }
            }
        }

        if diff {
            stdout.flush()
            for failure in failures { printError("notelint: \(failure)") }
            if !quiet { printError("\(fixedCount) fix\(fixedCount == 1 ? "" : "es") would apply in \(diffs) file\(diffs == 1 ? "" : "s")") }
            throw ExitStatus(!failures.isEmpty ? 2 : diffs > 0 ? 1 : 0)
        }

        if let stream {
            stream.finish(reports, failures: failures)
        } else if statistics {
            StatisticsReporter().finish(reports, to: findingsOutput)
        } else {
            reporters.all[0].finish(reports, pieces: reports.map { $0.texts[0] }, failures: failures, to: findingsOutput)
        }
        if let fileOutput {
            if stream == nil {
                reporters.all[1].finish(reports, pieces: reports.map { $0.texts[1] }, failures: failures, to: fileOutput)
            }
            fileOutput.close()
        }
        if fix && !quiet && fixedCount > 0 && terminalFormat == .text {
            findingsOutput.line("fixed \(fixedCount) finding\(fixedCount == 1 ? "" : "s")")
        }
        findingsOutput.flush()
        stdout.flush()
        for failure in failures { printError("notelint: \(failure)") }
        if !failures.isEmpty { throw ExitStatus(2) }
        if exitZero { return }
        let failing = reports.contains { ($0.worst.map { $0 >= failOn }) ?? false }
        if failing { throw ExitStatus(1) }
    }
}

extension CheckCommand {
    /// The reporter for `format`; `output` is nil for a file, which gets no colour.
    func makeReporter(_ format: OutputFormat, for output: Output?) -> any Reporter {
        switch format {
        case .json:
            return JSONReporter()
        case .text:
            let isTerminal = output?.isTerminal ?? false
            let useColor = output != nil && Style.decide(color, isTerminal: isTerminal, environment: ProcessEnvironment.notelintVariables)
            return TextReporter(style: Style(enabled: useColor), showSource: showSource ?? isTerminal, showSummary: !quiet)
        case .concise:
            return TextReporter(style: Style(enabled: false), showSource: false, showSummary: false)
        case .sarif:
            return SarifReporter(pages: RulePages())
        case .github:
            return GitHubReporter()
        case .junit:
            return JUnitReporter()
        }
    }
}

/// The engine's `ConfigurationResolver`, with a configuration error reported the command
/// line's way: its message, and exit status 2.
struct ConfigurationSource {
    let resolver: ConfigurationResolver

    init(explicitPath: String?, settings: CommandLineSettings = CommandLineSettings()) throws {
        resolver = try Self.reporting { try ConfigurationResolver(explicitPath: explicitPath, commandLine: settings) }
    }

    /// Whether a file found in a folder search is left out (`NoteSelection`).
    func excludes(_ found: FileDiscovery.Found) throws -> Bool {
        try Self.reporting { try resolver.excludes(found) }
    }

    func configuration(forFile path: String) throws -> Configuration {
        try resolver.configuration(forFile: path)
    }

    func effective(forFile path: String) throws -> (configuration: Configuration, key: String) {
        try resolver.effective(forFile: path)
    }

    func effectiveForFolder(ofFile path: String) throws -> (configuration: Configuration, key: String, sharedByFolder: Bool) {
        try resolver.effectiveForFolder(ofFile: path)
    }

    private static func reporting<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let error as ConfigurationError {
            throw RunFailure(error)
        }
    }
}
