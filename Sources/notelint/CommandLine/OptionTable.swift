/// What a command accepts, declared once: parsing (`ArgumentReader`), help (`HelpText`) and
/// shell completions (`CompletionScripts`) all read the same tables.
struct CommandSpec: Sendable {
    let name: String
    let abstract: String
    var discussion: String = ""
    var options: [OptionSpec] = []
    var arguments: [ArgumentSpec] = []
    var subcommands: [CommandSpec] = []
    /// Left out of help and completions, but still accepted.
    var hidden = false
    /// Builds the command's struct from what was read and runs it; nil for a command that only
    /// groups subcommands.
    var run: (@Sendable (ParsedArguments) throws -> Void)?

    func subcommand(named name: String) -> CommandSpec? { subcommands.first { $0.name == name } }

    var visibleOptions: [OptionSpec] { options.filter { !$0.hidden } + [.helpOption] }

    var visibleSubcommands: [CommandSpec] { subcommands.filter { !$0.hidden } }
}

/// One `--long` option (with, perhaps, a `-s` short name).
struct OptionSpec: Sendable {
    enum Kind: Sendable {
        /// `--x`: on when given.
        case flag
        /// `--x` and `--no-x`: nil when neither is given.
        case invertibleFlag
        /// `--x VALUE` or `--x=VALUE`; given twice, the last one counts.
        case value
        /// `--x VALUE`, any number of times, in order.
        case repeatedValue
    }

    /// What a shell offers to complete an option's value (or a positional argument) with.
    enum Completion: Sendable {
        case none
        case file
        case folder
        /// Words known when the script is generated (rule ids).
        case words(@Sendable () -> [String])
    }

    let name: String
    var short: Character? = nil
    let kind: Kind
    /// How help shows the value: `--select <rules>`.
    var valueName: String = ""
    let help: String
    /// The only values accepted, when not empty.
    var choices: [String] = []
    var isInteger = false
    /// The default help shows, for a value option.
    var defaultValue: String? = nil
    var completion: Completion = .none
    var hidden = false

    var takesValue: Bool { kind == .value || kind == .repeatedValue }

    static func flag(_ name: String, short: Character? = nil, hidden: Bool = false, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, kind: .flag, help: help, hidden: hidden)
    }

    static func invertibleFlag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .invertibleFlag, help: help)
    }

    static func value(
        _ name: String, short: Character? = nil, valueName: String? = nil, help: String, choices: [String] = [],
        isInteger: Bool = false, default defaultValue: String? = nil, completion: Completion = .none
    ) -> OptionSpec {
        OptionSpec(
            name: name, short: short, kind: .value, valueName: valueName ?? name, help: help, choices: choices, isInteger: isInteger,
            defaultValue: defaultValue, completion: completion)
    }

    static func repeated(_ name: String, valueName: String? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .repeatedValue, valueName: valueName ?? name, help: help)
    }

    /// `-h` and `--help`, which every command accepts.
    static let helpOption = OptionSpec.flag("help", short: "h", help: "Show help information.")
}

/// A positional argument. Only the last of a command's may be repeated.
struct ArgumentSpec: Sendable {
    let name: String
    let help: String
    var isRepeated = false
    var isRequired = false
    var completion: OptionSpec.Completion = .file
}

/// What the command line held for one command, by long option name.
struct ParsedArguments {
    var flags: [String: Bool] = [:]
    var values: [String: [String]] = [:]
    var positionals: [String] = []

    func flag(_ name: String) -> Bool { flags[name] ?? false }

    /// An invertible flag: true for `--x`, false for `--no-x`, nil for neither.
    func optionalFlag(_ name: String) -> Bool? { flags[name] }

    func value(_ name: String) -> String? { values[name]?.last }

    func values(_ name: String) -> [String] { values[name] ?? [] }

    /// An integer option; the reader has checked that it is one.
    func integer(_ name: String) -> Int? { value(name).flatMap { Int($0) } }

    /// An option with a fixed list of values; the reader has checked that it is one of them.
    func choice<Value: RawRepresentable>(_ name: String, default defaultValue: Value) -> Value where Value.RawValue == String {
        value(name).flatMap(Value.init(rawValue:)) ?? defaultValue
    }

    func positional(_ index: Int) -> String? { index < positionals.count ? positionals[index] : nil }
}
