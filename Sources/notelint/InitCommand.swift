import Foundation
import NoteLint

struct InitCommand {
    static let spec = CommandSpec(
        name: "init",
        abstract: "Write a commented .notelint.yml that lists every rule at its default.",
        options: [
            .flag("force", help: "Replace an existing .notelint.yml."),
            .flag("print-schema", hidden: true, help: "Print the configuration's JSON schema instead."),
        ],
        arguments: [ArgumentSpec(name: "folder", help: "The folder to write it in (default: the current folder).", completion: .folder)],
        run: { try InitCommand($0).run() }
    )

    let folder: String
    let force: Bool
    let printSchema: Bool

    init(_ arguments: ParsedArguments) {
        folder = arguments.positional(0) ?? "."
        force = arguments.flag("force")
        printSchema = arguments.flag("print-schema")
    }

    func run() throws {
        if printSchema {
            print(ConfigurationFiles.schema(), terminator: "")
            return
        }
        let path = (folder as NSString).appendingPathComponent(Configuration.fileName)
        if FileManager.default.fileExists(atPath: path) && !force {
            printError("notelint: \(path) exists; use --force to replace it")
            throw ExitStatus(2)
        }
        do {
            try AtomicWriter.write(Array(ConfigurationFiles.defaultConfiguration().utf8), to: path)
        } catch {
            printError("notelint: \(error)")
            throw ExitStatus(2)
        }
        print("wrote \(path)")
    }
}
