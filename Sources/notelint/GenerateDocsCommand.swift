import ArgumentParser
import Foundation
import NoteLint
import NoteSyntax

struct GenerateDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-docs",
        abstract: "Write the rule pages (one per rule, and an index) into a folder.",
        shouldDisplay: false
    )

    @Argument(help: "The folder to write into.")
    var folder: String = "rules"

    func run() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for description in RuleRegistry.descriptions {
            try AtomicWriter.write(Array(RulePage.markdown(for: description).utf8), to: "\(folder)/\(description.id).md")
        }
        try AtomicWriter.write(Array(RulePage.index(RuleRegistry.descriptions).utf8), to: "\(folder)/README.md")
        let schemaFolder = ((folder as NSString).deletingLastPathComponent as NSString).appendingPathComponent("schema")
        try FileManager.default.createDirectory(atPath: schemaFolder, withIntermediateDirectories: true)
        try AtomicWriter.write(
            Array(ConfigurationFiles.schema().utf8), to: (schemaFolder as NSString).appendingPathComponent("notelint.schema.json"))
    }
}

struct DebugSyntaxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug-syntax",
        abstract: "Print what the parser found in a note: blocks, entries, footnotes, comments.",
        shouldDisplay: false
    )

    @Argument(help: "The note to parse.")
    var path: String

    func run() throws {
        let file: NoteFile
        do { file = try NoteFile.read(path: path) } catch {
            printError("notelint: \(error)")
            throw ExitCode(2)
        }
        print(Note(source: SourceText(bytes: file.bytes)).dump(), terminator: "")
    }
}
