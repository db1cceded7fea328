import ArxivClient
import ArxivKit
import Foundation
import NoteLint
import NoteSyntax

struct FillCommand {
    static let spec = CommandSpec(
        name: "fill",
        abstract: "Fill entries' Title, Date and Subjects from arXiv.",
        discussion: """
            Every entry whose Link names an arXiv paper gets arXiv's title, the v1 submission \
            date (in the style `date-format` asks for) and the categories, primary first. Fields \
            the user filled are left alone unless --overwrite. Identifiers are asked in batches \
            of 100, at most one request every 3 seconds; answers are cached. With a local index \
            (`notelint arxiv import`), the papers it holds are read from it and the API is asked \
            only about the others (never with --offline). Exit status: 0, or 1 with --diff when \
            something would change, 2 when a file or a request failed.
            """,
        options: [
            .flag("diff", help: "Print the changes as a unified diff instead of writing them."),
            .flag("dry-run", help: "The same as --diff."),
            .flag("overwrite", help: "Replace filled fields that differ from arXiv's values."),
            .flag("find", help: "Search arXiv by title for entries with a Title and no Link; take exact title matches only."),
            .flag("offline", help: "Read the local arXiv index and the cache only; never ask the API."),
            .value("config", help: "Use this configuration file instead of the nearest .notelint.yml.", completion: .file),
            .flag("quiet", short: "q", help: "Print no summary."),
        ],
        arguments: [ArgumentSpec(name: "paths", help: "Files or folders of notes. Default: the current folder.", isRepeated: true)],
        run: { try FillCommand($0).run() }
    )

    let paths: [String]
    let diff: Bool
    let dryRun: Bool
    let overwrite: Bool
    let find: Bool
    let offline: Bool
    let config: String?
    let quiet: Bool

    init(_ arguments: ParsedArguments) {
        paths = arguments.positionals
        diff = arguments.flag("diff")
        dryRun = arguments.flag("dry-run")
        overwrite = arguments.flag("overwrite")
        find = arguments.flag("find")
        offline = arguments.flag("offline")
        config = arguments.value("config")
        quiet = arguments.flag("quiet")
    }

    struct Planned {
        let path: String
        let file: NoteFile
        let note: Note
        let facts: [EntryFacts]
        let style: NoteDate.Style
        let schema: EntrySchema
    }

    func run() throws {
        let configurations = try ConfigurationSource(explicitPath: config)
        let discovery = FileDiscovery.files(for: paths.isEmpty ? ["."] : paths)
        var failures = discovery.failures.map(\.description)
        var planned: [Planned] = []
        var linters: [String: Linter] = [:]
        var firstConfiguration: Configuration?
        for found in discovery.files where try !configurations.excludes(found) {
            do {
                let (configuration, key) = try configurations.effective(forFile: found.path)
                if firstConfiguration == nil { firstConfiguration = configuration }
                let linter = try linters[key] ?? Linter(configuration: configuration)
                linters[key] = linter
                let file = try NoteFile.read(path: found.path)
                let note = linter.parse(SourceText(bytes: file.bytes))
                planned.append(
                    Planned(
                        path: found.path, file: file, note: note, facts: linter.entryFacts(note), style: linter.dateStyle,
                        schema: linter.schema))
            } catch let error as ConfigurationError {
                throw RunFailure(error)
            } catch {
                failures.append("\(error)")
            }
        }

        let setup = ArxivSetup(configuration: firstConfiguration)
        let papers = setup.papers(offline: offline)
        let progress = ProgressLine()
        let identifiers = planned.flatMap { $0.facts.compactMap(\.fillableIdentifier) }
        let known = papers.answers(identifiers, today: ArxivSetup.today) { progress.show("arXiv", $0, $1) }
        progress.clear()

        // Titles that differ only in case, spacing or TeX are one search.
        var found: [TitleKey: ArxivMetadata] = [:]
        if find {
            var searched: Set<TitleKey> = []
            let titles = planned.flatMap { $0.facts.compactMap(\.searchableTitle) }.filter { searched.insert(TitleKey($0)).inserted }
            for (index, title) in titles.enumerated() {
                progress.show("arXiv search", index, titles.count)
                do {
                    if let exact = try papers.search(title: title).first(where: { TitleKey($0.title) == TitleKey(title) }) {
                        found[TitleKey(title)] = exact
                    }
                } catch let error as ArxivError {
                    failures.append("searching arXiv for `\(title)`: \(error)")
                }
            }
            progress.clear()
        }

        var counts = (filled: 0, unchanged: 0, notFound: 0, failed: 0)
        var changedFiles = 0
        let stdout = Output()
        for plan in planned {
            var edits: [TextEdit] = []
            for facts in plan.facts {
                // The line `check --online` reports the same paper on: its Link's, else the record's first.
                let line =
                    facts.link.map { plan.note.lineIndex.line(containing: $0.valueRange.start) + 1 } ?? facts.entry.lines.lowerBound + 1
                var metadata: ArxivMetadata?
                var linking = false
                if let identifier = facts.fillableIdentifier {
                    if let error = known.failures[identifier] {
                        counts.failed += 1
                        failures.append("\(plan.path):\(line): arXiv \(identifier): \(error)")
                        continue
                    }
                    switch known.answers[identifier] {
                    case .found(let paper)?: metadata = paper
                    case .notFound?:
                        counts.notFound += 1
                        if !quiet { printError("\(plan.path):\(line): arXiv has no paper \(identifier)") }
                        continue
                    case nil:
                        counts.failed += 1
                        failures.append(
                            "\(plan.path):\(line): arXiv \(identifier): no answer in the cache after fetching (is it writable?)")
                        continue
                    }
                } else if let title = facts.searchableTitle, find {
                    guard let paper = found[TitleKey(title)] else {
                        counts.notFound += 1
                        continue
                    }
                    metadata = paper
                    linking = true
                }
                guard let metadata else { continue }
                let changes = ArxivFill.changes(
                    facts, metadata, overwrite: overwrite, style: plan.style, schema: plan.schema, source: plan.note.source,
                    linking: linking
                ).map(\.edit)
                if changes.isEmpty { counts.unchanged += 1 } else { counts.filled += 1 }
                edits += changes
            }
            guard !edits.isEmpty else { continue }
            changedFiles += 1
            let new = ArxivFill.apply(edits, to: plan.file.bytes)
            if diff || dryRun {
                stdout.write(
                    UnifiedDiff.render(
                        old: String(decoding: plan.file.bytes, as: UTF8.self), new: String(decoding: new, as: UTF8.self),
                        path: plan.path))
            } else {
                do { try AtomicWriter.write(plan.file.fileBytes(with: new), to: plan.path) } catch {
                    failures.append("\(plan.path): \(error)")
                }
            }
        }
        stdout.flush()
        for failure in failures { printError("notelint: \(failure)") }
        if !quiet {
            let requests = papers.client?.requestCount ?? 0
            let verb = diff || dryRun ? "would fill" : "filled"
            printError(
                "\(verb) \(counts.filled) entr\(counts.filled == 1 ? "y" : "ies") in \(changedFiles) file\(changedFiles == 1 ? "" : "s"); "
                    + "\(counts.unchanged) unchanged, \(counts.notFound) not found, \(counts.failed) failed; \(requests) request\(requests == 1 ? "" : "s") to arXiv"
            )
        }
        if !failures.isEmpty { throw ExitStatus(2) }
        if (diff || dryRun) && changedFiles > 0 { throw ExitStatus(1) }
    }
}
