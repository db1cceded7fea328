import ArxivClient
import Foundation
import NoteLint

enum CacheCommand {
    static let spec = CommandSpec(
        name: "cache",
        abstract: "Show or clear the arXiv metadata cache.",
        discussion: """
            The cache lives in $XDG_CACHE_HOME/notelint (or ~/.cache/notelint): one file per \
            arXiv identifier, kept `arxiv.cache_days` days (30 by default; not-found answers 1 day).
            """,
        subcommands: [Info.spec, Clear.spec]
    )

    struct Info {
        static let spec = CommandSpec(
            name: "info", abstract: "Print where the cache is and what it holds.", run: { _ in try Info().run() })

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

    struct Clear {
        static let spec = CommandSpec(name: "clear", abstract: "Remove every cached answer.", run: { _ in try Clear().run() })

        func run() throws {
            let setup = ArxivSetup(configuration: nil)
            do {
                let removed = try setup.cache.clear()
                print("removed \(removed) cached answer\(removed == 1 ? "" : "s") from \(setup.cache.folder)")
            } catch {
                printError("notelint: cannot clear \(setup.cache.folder): \(error.localizedDescription)")
                throw ExitStatus(2)
            }
        }
    }
}
