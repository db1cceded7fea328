/// `notelint COMMAND --help`: usage, abstract, discussion, arguments, options and
/// subcommands, from the command's tables, wrapped to 80 columns.
enum HelpText {
    static let width = 80
    /// Where the help of an option or argument starts.
    static let column = 26

    /// `path` is the command's words after `notelint`.
    static func render(_ command: CommandSpec, path: [String]) -> String {
        let invocation = (["notelint"] + path).joined(separator: " ")
        var text = ""
        text += wrap((path.isEmpty ? "OVERVIEW: " : "") + command.abstract, indent: 0) + "\n"
        if !command.discussion.isEmpty { text += "\n" + wrap(command.discussion, indent: 0) + "\n" }
        text += "\n" + wrap("USAGE: " + usage(command, invocation: invocation), indent: 7, firstIndent: 0) + "\n"
        if !command.arguments.isEmpty {
            text += "\nARGUMENTS:\n"
            for argument in command.arguments { text += entry("<\(argument.name)>", argument.help) }
        }
        text += "\nOPTIONS:\n"
        for option in command.visibleOptions { text += entry(label(option), help(option)) }
        if !command.visibleSubcommands.isEmpty {
            text += "\nSUBCOMMANDS:\n"
            for subcommand in command.visibleSubcommands { text += entry(subcommand.name, subcommand.abstract) }
            text += "\n  See '\((["notelint", "help"] + path).joined(separator: " ")) <subcommand>' for detailed help.\n"
        }
        return text
    }

    static func usage(_ command: CommandSpec, invocation: String) -> String {
        if !command.subcommands.isEmpty { return invocation + " <subcommand>" }
        var words = [invocation]
        if !command.options.filter({ !$0.hidden }).isEmpty { words.append("[<options>]") }
        for argument in command.arguments {
            let name = "<\(argument.name)>" + (argument.isRepeated ? " ..." : "")
            words.append(argument.isRequired ? name : "[\(name)]")
        }
        return words.joined(separator: " ")
    }

    /// `-q, --quiet`, `--[no-]show-source`, `--format <format>`.
    static func label(_ option: OptionSpec) -> String {
        var label = option.short.map { "-\($0), " } ?? ""
        label += option.kind == .invertibleFlag ? "--[no-]\(option.name)" : "--\(option.name)"
        if option.takesValue { label += " <\(option.valueName)>" }
        return label
    }

    static func help(_ option: OptionSpec) -> String {
        var help = option.help
        if let defaultValue = option.defaultValue { help += " (default: \(defaultValue))" }
        if option.kind == .repeatedValue && !help.contains("repeated") { help += " (may be repeated)" }
        return help
    }

    /// A two-column row: the label, and its help wrapped beside it (below it when the label is
    /// too long).
    private static func entry(_ label: String, _ help: String) -> String {
        let lead = "  " + label
        let body = wrap(help, indent: column)
        if lead.count + 2 <= column {
            return lead + String(repeating: " ", count: column - lead.count) + body.dropFirst(column) + "\n"
        }
        return lead + "\n" + body + "\n"
    }

    /// Words filled into lines of at most `width` columns, each indented by `indent` (the first
    /// by `firstIndent`); a line break in `text` starts a new paragraph.
    static func wrap(_ text: String, indent: Int, firstIndent: Int? = nil) -> String {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineIndent = lines.isEmpty ? (firstIndent ?? indent) : indent
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty && lineIndent + line.count + 1 + word.count > width {
                    lines.append(String(repeating: " ", count: lineIndent) + line)
                    line = ""
                    lineIndent = indent
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(line.isEmpty ? "" : String(repeating: " ", count: lineIndent) + line)
        }
        return lines.joined(separator: "\n")
    }
}
