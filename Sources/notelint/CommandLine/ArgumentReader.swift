import NoteLint

/// Reads one command's words against its option table: `--x VALUE`, `--x=VALUE`, `-x VALUE`,
/// `-xVALUE`, grouped short flags (`-qh`), `--no-x`, and `--` before positional arguments
/// only. `-` alone is a positional argument (standard input).
struct ArgumentReader {
    let command: CommandSpec
    /// The command's words after `notelint`, for error messages.
    let path: [String]

    /// What the words say. A command with subcommands stops at its first positional argument
    /// (the subcommand's name) and returns the words after it in `rest`.
    func read(_ words: ArraySlice<String>) throws -> (parsed: ParsedArguments, rest: ArraySlice<String>) {
        var parsed = ParsedArguments()
        var index = words.startIndex
        var optionsEnded = false
        let stopsAtSubcommand = !command.subcommands.isEmpty

        func nextValue(for option: OptionSpec) throws -> String {
            guard index < words.endIndex else { throw error("--\(option.name) needs a value (<\(option.valueName)>)") }
            let word = words[index]
            if word.hasPrefix("-") && word != "-" && Int(word) == nil {
                throw error("--\(option.name) needs a value (<\(option.valueName)>), not `\(word)`")
            }
            index += 1
            return word
        }

        func store(_ value: String, for option: OptionSpec) throws {
            if !option.choices.isEmpty && !option.choices.contains(value) {
                throw error("--\(option.name): `\(value)` is not one of \(option.choices.joined(separator: ", "))")
            }
            if option.isInteger && Int(value) == nil { throw error("--\(option.name): `\(value)` is not a whole number") }
            parsed.values[option.name, default: []].append(value)
        }

        while index < words.endIndex {
            let word = words[index]
            index += 1
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                parsed.positionals.append(word)
                if stopsAtSubcommand { return (parsed, words[index...]) }
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            if word.hasPrefix("--") {
                let body = word.dropFirst(2)
                let equals = body.firstIndex(of: "=")
                let name = String(equals.map { body[..<$0] } ?? body)
                let attached = equals.map { String(body[body.index(after: $0)...]) }
                if name == "help" {
                    parsed.flags["help"] = true
                    return (parsed, words[index...])
                }
                if let option = command.options.first(where: { $0.name == name }) {
                    if option.takesValue {
                        try store(attached ?? nextValue(for: option), for: option)
                    } else {
                        if attached != nil { throw error("--\(name) takes no value") }
                        parsed.flags[name] = true
                    }
                } else if name.hasPrefix("no-"),
                    let option = command.options.first(where: { $0.kind == .invertibleFlag && $0.name == name.dropFirst(3) })
                {
                    if attached != nil { throw error("--\(name) takes no value") }
                    parsed.flags[option.name] = false
                } else {
                    throw unknownOption("--\(name)")
                }
                continue
            }
            var letters = word.dropFirst()
            while let letter = letters.popFirst() {
                if letter == "h" {
                    parsed.flags["help"] = true
                    return (parsed, words[index...])
                }
                guard let option = command.options.first(where: { $0.short == letter }) else { throw unknownOption("-\(letter)") }
                if option.takesValue {
                    let attached = letters.first == "=" ? letters.dropFirst() : letters
                    try store(attached.isEmpty ? nextValue(for: option) : String(attached), for: option)
                    break
                }
                parsed.flags[option.name] = true
            }
        }
        if !stopsAtSubcommand { try checkPositionals(parsed.positionals) }
        return (parsed, words[index...])
    }

    private func checkPositionals(_ positionals: [String]) throws {
        let specs = command.arguments
        if specs.last?.isRepeated != true && positionals.count > specs.count {
            throw error("unexpected argument `\(positionals[specs.count])`")
        }
        for (index, spec) in specs.enumerated() where spec.isRequired && index >= positionals.count {
            throw error("missing <\(spec.name)>")
        }
    }

    private func unknownOption(_ word: String) -> UsageError {
        let names = command.options.filter { !$0.hidden }.map { "--\($0.name)" } + ["--help"]
        var message = "unknown option `\(word)`"
        if word.hasPrefix("--"), let near = closestMatch(to: word, in: names) { message += "; did you mean `\(near)`?" }
        return error(message)
    }

    private func error(_ message: String) -> UsageError { UsageError(message, command: path) }
}
