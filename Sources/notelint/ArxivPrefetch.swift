import ArxivClient
import ArxivKit
import NoteLint
import NoteSyntax

/// `check --online`: reads the notes' arXiv links and fetches what the cache lacks, so that
/// the lint that follows (which never touches the network) sees it.
enum ArxivPrefetch {
    /// Returns the failures, each naming the file and line.
    static func run(_ paths: [String], configurations: ConfigurationSource) throws -> [String] {
        var wanted: [(path: String, line: Int, identifier: ArxivIdentifier)] = []
        var firstConfiguration: Configuration?
        for path in paths {
            guard let configuration = try? configurations.configuration(forFile: path).effective(forFile: AbsolutePath.of(path)).configuration,
                  let linter = try? Linter(configuration: configuration), let file = try? NoteFile.read(path: path) else { continue }
            if firstConfiguration == nil { firstConfiguration = configuration }
            let note = linter.parse(SourceText(bytes: file.bytes))
            for facts in linter.entryFacts(note) {
                if let identifier = facts.fillableIdentifier { wanted.append((path, (facts.link?.line ?? 0) + 1, identifier)) }
            }
        }
        guard !wanted.isEmpty else { return [] }
        let setup = ArxivSetup(configuration: firstConfiguration)
        let progress = ProgressLine()
        let failures = setup.client().refresh(wanted.map(\.identifier), cache: setup.cache, today: ArxivSetup.today) {
            progress.show("arXiv", $0, $1)
        }
        progress.clear()
        return wanted.compactMap { item in
            failures[item.identifier].map { "\(item.path):\(item.line): arXiv \(item.identifier): \($0)" }
        }
    }
}
