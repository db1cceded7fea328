import ArgumentParser
import Dispatch
import Foundation
import LanguageServer
import NoteLint
import NoteSyntax

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case concise
    case json
    case sarif
    case github
    case junit
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto
    case always
    case never
}

extension Severity: ExpressibleByArgument {}

// The argument parser describes a value with `"\(value)"`, which reflects on the enum: a few
// million instructions on every run, before any note is read. The raw values say the same.
extension RawRepresentable where Self: ExpressibleByArgument & CaseIterable, RawValue == String {
    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public static var allValueDescriptions: [String: String] { [:] }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint notes: files, or folders searched for *.md and *.markdown.",
        discussion: """
            With no path, the current folder is checked. Inside a git work tree, files git ignores \
            are skipped. `-` reads standard input.
            """
    )

    @Argument(help: "Files or folders to lint; `-` for standard input. Default: the current folder.")
    var paths: [String] = []

    @Option(help: "The name to report standard input under (also where its configuration is looked up).")
    var stdinFilename: String?

    @Option(help: "Output format: text, concise, json, sarif, github or junit.")
    var format: OutputFormat = .text

    @Option(help: "Write the report, in --format, to this file; the terminal gets the text report.")
    var outputFile: String?

    @Flag(help: "Print how many findings each rule made instead of the findings.")
    var statistics = false

    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Flag(inversion: .prefixedNo, help: "Show the source line under each finding (default: on a terminal).")
    var showSource: Bool?

    @Flag(name: .shortAndLong, help: "Print findings only, no summary.")
    var quiet = false

    @Option(help: "The least severity that makes the exit status 1: error, warning or info.")
    var failOn: Severity = .warning

    @Flag(help: "Exit 0 even when there are findings (but 2 when something failed).")
    var exitZero = false

    @Flag(help: "Apply safe fixes in place, then report what remains.")
    var fix = false

    @Flag(help: "With --fix or --diff, apply unsafe fixes too.")
    var unsafeFixes = false

    @Flag(help: "Print the fixes as a unified diff instead of writing them; exit 1 when there is any.")
    var diff = false

    @Option(help: "Use this configuration file instead of the nearest .notelint.yml.")
    var config: String?

    @Flag(help: "Before linting, fetch the arXiv metadata the local cache lacks (batched, at most one request every 3 s).")
    var online = false

    @Option(help: ArgumentHelp("Check only these rules (comma-separated; may be repeated).", valueName: "rules"))
    var select: [String] = []

    @Option(help: ArgumentHelp("Turn these rules off (comma-separated; may be repeated).", valueName: "rules"))
    var ignore: [String] = []

    @Option(
        help: ArgumentHelp(
            "Override a configuration key, as KEY=VALUE in YAML: rules.entry-blank=off, rules.date-format.style=iso.",
            valueName: "key=value"))
    var configOverride: [String] = []

    @Option(name: [.customShort("j"), .customLong("threads")], help: "Lint on this many threads (default: one per core).")
    var threads: Int?

    @Option(
        help: ArgumentHelp(
            "Keep the result cache here (default: .notelint_cache in the project root, else under $XDG_CACHE_HOME/notelint).",
            valueName: "folder"))
    var cacheDir: String?

    @Flag(help: "Neither read nor write the result cache.")
    var noCache = false

    @Flag(help: "Check the notes changed against HEAD (staged, unstaged and untracked), within the paths.")
    var changed = false

    @Option(help: ArgumentHelp("Check the notes changed since a git revision, within the paths.", valueName: "ref"))
    var changedSince: String?

    private var commandLineSettings: CommandLineSettings {
        let selected = CommandLineSettings.ruleIDs(select)
        return CommandLineSettings(
            select: selected.isEmpty ? nil : selected, ignore: CommandLineSettings.ruleIDs(ignore), overrides: configOverride)
    }

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if changed && changedSince != nil { throw ValidationError("--changed and --changed-since cannot be combined") }
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
        if stdinCount > 1 { throw ValidationError("`-` can be given once") }
        let settings = commandLineSettings
        do { try settings.validate() } catch let error as ConfigurationError { throw RunFailure(error) }
        let configurations = try ConfigurationSource(explicitPath: config, settings: settings)
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
        // Only plain lint runs use the cache: fixing must see the text as it is now.
        let cache = noCache || fix || diff ? nil : (cacheDir ?? ResultCache.defaultFolder()).map(ResultCache.init(folder:))
        let outcomes = try CheckJob.runAll(
            jobs, mode: mode, configurations: configurations, reporters: reporters, threads: threads,
            cache: cache, standardInput: standardInput ?? [])
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
            throw ExitCode(!failures.isEmpty ? 2 : diffs > 0 ? 1 : 0)
        }

        if statistics {
            StatisticsReporter().finish(reports, to: findingsOutput)
        } else {
            reporters.all[0].finish(reports, pieces: reports.map { $0.texts[0] }, failures: failures, to: findingsOutput)
        }
        if let fileOutput {
            reporters.all[1].finish(reports, pieces: reports.map { $0.texts[1] }, failures: failures, to: fileOutput)
            fileOutput.close()
        }
        if fix && !quiet && fixedCount > 0 && terminalFormat == .text {
            findingsOutput.line("fixed \(fixedCount) finding\(fixedCount == 1 ? "" : "s")")
        }
        findingsOutput.flush()
        stdout.flush()
        for failure in failures { printError("notelint: \(failure)") }
        if !failures.isEmpty { throw ExitCode(2) }
        if exitZero { return }
        let failing = reports.contains { ($0.worst.map { $0 >= failOn }) ?? false }
        if failing { throw ExitCode(1) }
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
            let useColor = output != nil && Style.decide(color, isTerminal: isTerminal, environment: ProcessInfo.processInfo.environment)
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

    private static func reporting<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let error as ConfigurationError {
            throw RunFailure(error)
        }
    }
}
