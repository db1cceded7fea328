import ArgumentParser
import ArxivClient
import Foundation
import NoteLint

struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or clear the arXiv metadata cache.",
        discussion: """
            The cache lives in $XDG_CACHE_HOME/notelint (or ~/.cache/notelint): one file per \
            arXiv identifier, kept `arxiv.cache_days` days (30 by default; not-found answers 1 day).
            """,
        subcommands: [Info.self, Clear.self]
    )

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "info", abstract: "Print where the cache is and what it holds.")

        func run() throws {
            let setup = ArxivSetup(configuration: nil)
            let summary = setup.cache.summary()
            print("arXiv cache: \(setup.cache.folder)")
            print("papers: \(summary.found)")
            print("not found: \(summary.notFound)")
            print("expired: \(summary.stale)")
            if summary.unreadable > 0 { print("unreadable: \(summary.unreadable)") }
            print("size: \(summary.bytes) bytes")
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "clear", abstract: "Remove every cached answer.")

        func run() throws {
            let setup = ArxivSetup(configuration: nil)
            do {
                let removed = try setup.cache.clear()
                print("removed \(removed) cached answer\(removed == 1 ? "" : "s") from \(setup.cache.folder)")
            } catch {
                printError("notelint: cannot clear \(setup.cache.folder): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
    }
}
