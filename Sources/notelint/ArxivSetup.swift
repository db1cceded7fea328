import ArxivClient
import ArxivIndex
import ArxivKit
import Foundation
import NoteLint

/// The arXiv client, cache and local index of a CLI run, from the configuration's `arxiv:`
/// section and the environment.
struct ArxivSetup {
    let settings: ArxivClientSettings
    let cache: MetadataCache
    /// The local index, when there is one (`notelint arxiv import`).
    let index: IndexMetadataSource?

    init(configuration: Configuration?, environment: [String: String] = ProcessEnvironment.notelintVariables) {
        settings = ArxivClientSettings.resolve(
            apiURL: configuration?.arxivAPIURL, cacheDays: configuration?.arxivCacheDays,
            version: Notelint.version, environment: environment)
        cache = MetadataCache(settings: settings)
        index = IndexMetadataSource.shared(path: IndexLocation.path(option: nil, environment: environment)) {
            printError("notelint: warning: \($0)")
        }
    }

    /// What the lint reads: the index first, then the API's answers kept in the cache.
    var source: any ArxivMetadataSource {
        index.map { LayeredMetadataSource($0, then: cache) } ?? cache
    }

    func client() -> ArxivClient { ArxivClient(settings: settings) }

    /// The index, the cache and, unless `offline`, the API.
    func papers(offline: Bool = false) -> ArxivPapers {
        ArxivPapers(index: index, cache: cache, client: offline ? nil : client())
    }

    static var today: (year: Int, month: Int) {
        let day = CalendarDay.today
        return (day.year, day.month)
    }
}

/// A one-line progress bar on standard error, shown only when it is a terminal.
struct ProgressLine {
    let enabled = isatty(2) == 1

    func show(_ label: String, _ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total)".utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
