import ArgumentParser
import Foundation
import NoteLint

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .notelint.yml that lists every rule at its default."
    )

    @Argument(help: "The folder to write it in (default: the current folder).")
    var folder: String = "."

    @Flag(help: "Replace an existing .notelint.yml.")
    var force = false

    @Flag(help: .hidden)
    var printSchema = false

    func run() throws {
        if printSchema {
            print(ConfigurationFiles.schema(), terminator: "")
            return
        }
        let path = (folder as NSString).appendingPathComponent(Configuration.fileName)
        if FileManager.default.fileExists(atPath: path) && !force {
            printError("notelint: \(path) exists; use --force to replace it")
            throw ExitCode(2)
        }
        do {
            try AtomicWriter.write(Array(ConfigurationFiles.defaultConfiguration().utf8), to: path)
        } catch {
            printError("notelint: \(error)")
            throw ExitCode(2)
        }
        print("wrote \(path)")
    }
}
