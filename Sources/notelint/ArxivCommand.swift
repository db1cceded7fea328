import ArxivIndex
import Foundation
import JSONRPC
import NoteLint

/// `notelint arxiv`: the local index of arXiv's catalogue, built from its metadata snapshot.
enum ArxivCommand {
    static let spec = CommandSpec(
        name: "arxiv",
        abstract: "Import, sync, search and show the local arXiv index.",
        discussion: """
            The index is one SQLite file: --db PATH, else $NOTELINT_ARXIV_DB, else \
            $XDG_DATA_HOME/notelint/arxiv.sqlite (or ~/.local/share/notelint/arxiv.sqlite). \
            Make it from arXiv's metadata snapshot (arxiv-metadata-oai-snapshot.json, plain or \
            gzip-compressed) with `notelint arxiv import FILE`, and bring it up to date with \
            `notelint arxiv sync`.
            """,
        subcommands: [ImportSnapshot.spec, Sync.spec, Status.spec, Search.spec, Show.spec, BenchQueries.spec, RebuildChunks.spec]
    )

    static let databaseOption = OptionSpec.value(
        "db", valueName: "path", help: "The index file (default: $NOTELINT_ARXIV_DB, else $XDG_DATA_HOME/notelint/arxiv.sqlite).",
        completion: .file)

    static let formatOption = OptionSpec.value("format", help: "Output format.", choices: ["text", "json"], default: "text")

    static func databasePath(_ parsed: ParsedArguments) -> String {
        IndexLocation.path(option: parsed.value("db"), environment: ProcessEnvironment.notelintVariables)
    }

    /// The existing index; a missing or unreadable one stops the command (exit status 2).
    /// `mapped` for the commands that search or look up and exit (`ArxivIndex.init`).
    static func openIndex(_ parsed: ParsedArguments, mapped: Bool = false) throws -> ArxivIndex {
        do { return try ArxivIndex(path: databasePath(parsed), mapped: mapped) } catch let error as ArxivIndexError {
            throw RunFailure(error.description)
        }
    }

    struct ImportSnapshot {
        static let spec = CommandSpec(
            name: "import",
            abstract: "Import arXiv's metadata snapshot into the index.",
            discussion: """
                Reads the snapshot's JSON lines (plain or gzip), one transaction per 10,000 \
                lines. An interrupted import of the same file continues where it stopped when \
                run again; a malformed line is reported with its line number and skipped.
                """,
            options: [.flag("with-abstracts", help: "Keep the abstracts too (a larger index)."), ArxivCommand.databaseOption],
            arguments: [ArgumentSpec(name: "file", help: "The snapshot: arxiv-metadata-oai-snapshot.json[.gz].", isRequired: true)],
            run: { parsed in
                try ImportSnapshot(
                    file: parsed.positional(0)!, withAbstracts: parsed.flag("with-abstracts"), database: databasePath(parsed)
                )
                .run()
            }
        )

        let file: String
        let withAbstracts: Bool
        let database: String

        func run() throws {
            let showsProgress = isatty(2) == 1
            let started = Date()
            var lastDrawn = Date.distantPast
            do {
                let index = try ArxivIndex(path: database, create: true)
                let report = try index.importSnapshot(
                    path: file, options: ImportOptions(withAbstracts: withAbstracts),
                    progress: { progress in
                        guard showsProgress, Date().timeIntervalSince(lastDrawn) > 0.2 else { return }
                        lastDrawn = Date()
                        let share = progress.fileSize > 0 ? Double(progress.bytesOnDisk) / Double(progress.fileSize) : 0
                        let rate = Double(progress.lines) / max(Date().timeIntervalSince(started), 0.001)
                        FileHandle.standardError.write(
                            Data(
                                String(format: "\r\u{1B}[Kimporting: %5.1f%%  %d lines  %.0f lines/s", share * 100, progress.lines, rate)
                                    .utf8))
                    },
                    malformed: { line in
                        if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                        printError("notelint: \(line)")
                    })
                if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                var summary = "imported \(report.papers) paper\(report.papers == 1 ? "" : "s") from \(file) into \(database)"
                if report.resumedAfterLine > 0 { summary += " (resumed after line \(report.resumedAfterLine))" }
                if report.malformed > 0 { summary += "; skipped \(report.malformed) malformed line\(report.malformed == 1 ? "" : "s")" }
                summary += String(format: " in %.1f s", Date().timeIntervalSince(started))
                print(summary)
            } catch let error as ArxivIndexError {
                if showsProgress { FileHandle.standardError.write(Data("\n".utf8)) }
                throw RunFailure(error.description)
            }
        }
    }

    struct Status {
        static let spec = CommandSpec(
            name: "status", abstract: "Print the index's paper count, dates and size.", options: [ArxivCommand.databaseOption],
            run: { parsed in try Status().run(try openIndex(parsed)) })

        func run(_ index: ArxivIndex) throws {
            do {
                print("arXiv index: \(index.path)")
                print("papers: \(try index.paperCount)")
                if let harvest = try index.meta("last_harvest") { print("last harvest: \(harvest)") }
                if let imported = try index.meta("snapshot_imported_at") { print("snapshot imported: \(imported)") }
                if try index.meta("import_state") == "running", let line = try index.meta("import_line"),
                    let file = try index.meta("import_file")
                {
                    print("unfinished import: \(file), after line \(line); run `notelint arxiv import` on it again to finish it")
                }
                if let sync = try index.syncState(), sync.isRunning, let from = sync.from {
                    print(
                        "unfinished sync: from \(from), \(sync.pages) page\(sync.pages == 1 ? "" : "s") (\(sync.records) records) committed;"
                            + " run `notelint arxiv sync` again to finish it")
                }
                print("size: \(index.sizeOnDisk) bytes")
            } catch let error as ArxivIndexError {
                throw RunFailure(error.description)
            }
        }
    }

    struct Search {
        static let spec = CommandSpec(
            name: "search",
            abstract: "Find papers by words of their title or authors.",
            discussion: "Every word must match; the last one may be the start of a word. Titles weigh more than authors.",
            options: [
                .value("limit", help: "How many papers to print.", isInteger: true, default: "10"), ArxivCommand.formatOption,
                ArxivCommand.databaseOption,
            ],
            arguments: [
                ArgumentSpec(
                    name: "query", help: "Words of a title or of author names.", isRepeated: true, isRequired: true, completion: .none)
            ],
            run: { parsed in
                let limit = max(1, parsed.integer("limit") ?? 10)
                let query = parsed.positionals.joined(separator: " ")
                try Search().run(try openIndex(parsed, mapped: true), query: query, limit: limit, json: parsed.value("format") == "json")
            }
        )

        func run(_ index: ArxivIndex, query: String, limit: Int, json: Bool) throws {
            let papers: [Paper]
            do { papers = try index.search(query, limit: limit) } catch let error as ArxivIndexError { throw RunFailure(error.description) }
            if json {
                print(JSON.array(papers.map(ArxivCommand.json)).pretty())
                return
            }
            for paper in papers {
                let date = paper.firstVersionDate.map { " (\($0))" } ?? ""
                print("\(paper.id)\(date)  \(paper.title)")
                print("    \(paper.authors)")
            }
            if papers.isEmpty { printError("notelint: no paper matches `\(query)`") }
        }
    }

    struct Show {
        static let spec = CommandSpec(
            name: "show",
            abstract: "Print what the index holds on one paper.",
            options: [ArxivCommand.formatOption, ArxivCommand.databaseOption],
            arguments: [
                ArgumentSpec(
                    name: "id", help: "An arXiv identifier: 2104.09864, hep-th/9901001v2, arXiv:1706.03762.", isRequired: true,
                    completion: .none)
            ],
            run: { parsed in
                try Show().run(try openIndex(parsed, mapped: true), id: parsed.positional(0)!, json: parsed.value("format") == "json")
            }
        )

        func run(_ index: ArxivIndex, id: String, json: Bool) throws {
            let found: Paper?
            do { found = try index.paper(id: id) } catch let error as ArxivIndexError { throw RunFailure(error.description) }
            guard let paper = found else {
                printError("notelint: \(id) is not in the index (\(index.path))")
                throw ExitStatus(1)
            }
            if json {
                print(ArxivCommand.json(paper).pretty())
                return
            }
            print("id: \(paper.id)")
            print("title: \(paper.title)")
            print("authors: \(paper.authors)")
            print("categories: \(paper.categories.joined(separator: " "))")
            print("versions: \(paper.versionCount)")
            if let first = paper.firstVersionDate { print("first version: \(first)") }
            if let latest = paper.latestVersionDate { print("latest version: \(latest)") }
            if let doi = paper.doi { print("doi: \(doi)") }
            if let journal = paper.journalReference { print("journal-ref: \(journal)") }
            if let comments = paper.comments { print("comments: \(comments)") }
            if paper.withdrawn { print("withdrawn: yes") }
            if let abstract = paper.abstract { print("abstract: \(abstract)") }
        }
    }

    static func json(_ paper: Paper) -> JSON {
        .object([
            "id": .string(paper.id),
            "title": .string(paper.title),
            "authors": .string(paper.authors),
            "categories": .array(paper.categories.map { .string($0) }),
            "versions": .int(paper.versionCount),
            "first_version_date": paper.firstVersionDate.map { .string($0) },
            "latest_version_date": paper.latestVersionDate.map { .string($0) },
            "doi": paper.doi.map { .string($0) },
            "journal_ref": paper.journalReference.map { .string($0) },
            "comments": paper.comments.map { .string($0) },
            "withdrawn": .bool(paper.withdrawn),
            "abstract": paper.abstract.map { .string($0) },
        ])
    }

    /// `notelint arxiv bench-queries FILE` (hidden): times lookups (lines `id ID`) and searches
    /// (lines `search QUERY`, optionally a tab and the identifier of the paper it was typed
    /// from) in this process and prints the median and p99 of each as JSON, with how many
    /// searches returned the paper they were typed from.
    struct BenchQueries {
        static let spec = CommandSpec(
            name: "bench-queries", abstract: "Time lookups and searches from a file.",
            options: [
                ArxivCommand.databaseOption,
                .value(
                    "times", valueName: "path",
                    help: "Also write each search's milliseconds, query and whether it found the typed paper there, a line each.",
                    completion: .file),
            ],
            arguments: [ArgumentSpec(name: "file", help: "Lines `id ID` and `search QUERY`.", isRequired: true)],
            hidden: true,
            run: { parsed in
                try BenchQueries().run(try openIndex(parsed, mapped: true), file: parsed.positional(0)!, times: parsed.value("times"))
            }
        )

        func run(_ index: ArxivIndex, file: String, times: String? = nil) throws {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw RunFailure("\(file): cannot read it") }
            var lookups: [Double] = []
            var searches: [Double] = []
            var found = 0
            var hits = 0
            var typedFound = 0
            var timed: [(milliseconds: Double, query: String, typedFound: Bool)] = []
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let argument = String(parts[1].split(separator: "\t", omittingEmptySubsequences: false)[0])
                let typedFrom = parts[1].split(separator: "\t").dropFirst().first.map(String.init)
                let start = DispatchTime.now().uptimeNanoseconds
                if parts[0] == "id" {
                    if try index.paper(id: argument) != nil { found += 1 }
                    lookups.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                } else if parts[0] == "search" {
                    let papers = try index.search(argument, limit: 10)
                    searches.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                    if !papers.isEmpty { hits += 1 }
                    let foundTyped = typedFrom.map { typedFrom in papers.contains { $0.id == typedFrom } } ?? false
                    if foundTyped { typedFound += 1 }
                    timed.append((searches.last!, argument, foundTyped))
                }
            }
            func summary(_ times: [Double], _ matched: Int) -> JSON {
                let sorted = times.sorted()
                func at(_ share: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * share))] }
                return .object([
                    "count": .int(sorted.count), "matched": .int(matched), "median_ms": .double(at(0.5)), "p99_ms": .double(at(0.99)),
                    "max_ms": .double(sorted.last ?? 0),
                ])
            }
            var search = summary(searches, hits)
            if case .object(let fields) = search { search = .object(fields + [("typed_found", .int(typedFound))]) }
            print(JSON.object([("lookup", summary(lookups, found)), ("search", search)]).pretty())
            if let times {
                let lines = timed.map { String(format: "%.4f\t%@\t%d\n", $0.milliseconds, $0.query, $0.typedFound ? 1 : 0) }.joined()
                guard FileManager.default.createFile(atPath: times, contents: Data(lines.utf8)) else {
                    throw RunFailure("\(times): cannot write it")
                }
            }
            // What to look at next: the slowest searches, on standard error.
            for (milliseconds, query, _) in timed.sorted(by: { $0.milliseconds > $1.milliseconds }).prefix(15) {
                printError(String(format: "%8.2f ms  %@", milliseconds, query))
            }
        }
    }

    /// `notelint arxiv rebuild-chunks` (hidden): builds the chunks of common words and prefixes
    /// that the search reads (an import and a sync build them at their end) and prints the
    /// seconds it took.
    struct RebuildChunks {
        static let spec = CommandSpec(
            name: "rebuild-chunks", abstract: "Build the search's chunks of common words again.", options: [ArxivCommand.databaseOption],
            hidden: true,
            run: { parsed in
                let index = try openIndex(parsed)
                let start = DispatchTime.now().uptimeNanoseconds
                do { try index.rebuildDensePapers() } catch let error as ArxivIndexError { throw RunFailure(error.description) }
                print(String(format: "%.1f s", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            }
        )
    }
}
