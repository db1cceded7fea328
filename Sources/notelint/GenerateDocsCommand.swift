import Foundation
import NoteLint
import NoteSyntax

struct GenerateDocsCommand {
    static let spec = CommandSpec(
        name: "generate-docs",
        abstract: "Write the rule pages (one per rule, and an index) into a folder.",
        arguments: [ArgumentSpec(name: "folder", help: "The folder to write into (default: rules).", completion: .folder)],
        hidden: true,
        run: { try GenerateDocsCommand(folder: $0.positional(0) ?? "rules").run() }
    )

    let folder: String

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

struct DebugSyntaxCommand {
    static let spec = CommandSpec(
        name: "debug-syntax",
        abstract: "Print what the parser found in a note: blocks, entries, footnotes, comments.",
        arguments: [ArgumentSpec(name: "path", help: "The note to parse.", isRequired: true)],
        hidden: true,
        run: { try DebugSyntaxCommand(path: $0.positional(0) ?? "").run() }
    )

    let path: String

    func run() throws {
        let file: NoteFile
        do { file = try NoteFile.read(path: path) } catch {
            printError("notelint: \(error)")
            throw ExitStatus(2)
        }
        print(Note(source: SourceText(bytes: file.bytes)).dump(), terminator: "")
    }
}
