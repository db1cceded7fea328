import ArxivClient
import ArxivKit
import NoteLint
import NoteSyntax

/// `check --online`: reads the notes' arXiv links and fetches what the index and the cache lack, so that
/// the lint that follows (which never touches the network) sees it.
enum ArxivPrefetch {
    /// Returns the failures, each naming the file and line. `standardInput`, when checked, is
    /// the text read from it and the name it goes by (`--stdin-filename`, else `-`).
    static func run(
        _ paths: [String], standardInput: (name: String, bytes: [UInt8])? = nil,
        configurations: ConfigurationSource
    ) throws -> [String] {
        var wanted: [(path: String, line: Int, identifier: ArxivIdentifier)] = []
        var firstConfiguration: Configuration?
        let sources =
            paths.map { (name: $0, bytes: [UInt8]?.none) } + (standardInput.map { [(name: $0.name, bytes: Optional($0.bytes))] } ?? [])
        for source in sources {
            guard let configuration = try? configurations.effective(forFile: source.name).configuration,
                let linter = try? Linter(configuration: configuration),
                let bytes = source.bytes.map({ NoteFile.removingBOM($0).bytes }) ?? (try? NoteFile.read(path: source.name))?.bytes
            else { continue }
            if firstConfiguration == nil { firstConfiguration = configuration }
            let note = linter.parse(SourceText(bytes: bytes))
            for facts in linter.entryFacts(note) {
                if let identifier = facts.fillableIdentifier { wanted.append((source.name, (facts.link?.line ?? 0) + 1, identifier)) }
            }
        }
        guard !wanted.isEmpty else { return [] }
        let setup = ArxivSetup(configuration: firstConfiguration)
        let progress = ProgressLine()
        let failures = setup.papers().answers(wanted.map(\.identifier), today: ArxivSetup.today) {
            progress.show("arXiv", $0, $1)
        }.failures
        progress.clear()
        return wanted.compactMap { item in
            failures[item.identifier].map { "\(item.path):\(item.line): arXiv \(item.identifier): \($0)" }
        }
    }
}
