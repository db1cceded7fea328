import ArxivKit
import Foundation

/// Asks the arXiv API about identifiers and titles: batched, spaced, retried, and bounded in
/// time and size. Results are matched to the question by normalized identifier, never by
/// position: arXiv answers in any order and silently drops identifiers that do not exist.
public final class ArxivClient: Sendable {
    public let settings: ArxivClientSettings
    private let requests: SpacedRequests

    public init(settings: ArxivClientSettings) {
        self.settings = settings
        let http = HTTPGet(
            userAgent: settings.userAgent, deadline: settings.deadline, maximumBodySize: settings.maximumBodySize, caFile: settings.caFile)
        requests = SpacedRequests(http: http, settings: settings)
    }

    /// HTTP requests this client has sent.
    public var requestCount: Int { requests.count }

    /// What arXiv says of each identifier. Identifiers that cannot exist are answered locally
    /// and never sent (one would make arXiv reject the whole batch). `progress` is told how
    /// many identifiers have an answer before the first batch and after each.
    public func fetch(
        _ identifiers: [ArxivIdentifier], today: (year: Int, month: Int),
        progress: (Int) -> Void = { _ in }
    ) -> [ArxivIdentifier: Result<ArxivLookup, ArxivError>] {
        var results: [ArxivIdentifier: Result<ArxivLookup, ArxivError>] = [:]
        var wanted: [ArxivIdentifier] = []
        var seen = Set<ArxivIdentifier>()
        for identifier in identifiers where seen.insert(identifier).inserted {
            if let problem = ArxivIdentifier.problem(in: identifier.description, currentYear: today.year, currentMonth: today.month) {
                results[identifier] = .failure(.invalidIdentifier(problem))
            } else {
                wanted.append(identifier)
            }
        }
        // Before the first request too: the wait for it (spacing included) is what a user sees.
        progress(results.count)
        var start = 0
        while start < wanted.count {
            let batch = Array(wanted[start..<min(start + settings.batchSize, wanted.count)])
            start += batch.count
            for (identifier, result) in fetchBatch(batch) { results[identifier] = result }
            progress(results.count)
        }
        return results
    }

    private func fetchBatch(_ batch: [ArxivIdentifier]) -> [ArxivIdentifier: Result<ArxivLookup, ArxivError>] {
        let query = "id_list=" + batch.map(\.description).joined(separator: ",") + "&max_results=\(batch.count)"
        let feed: AtomFeed
        do {
            feed = try request(query, emptyMeansRetry: true)
        } catch let error as ArxivError {
            return Dictionary(uniqueKeysWithValues: batch.map { ($0, .failure(error)) })
        } catch {
            return Dictionary(uniqueKeysWithValues: batch.map { ($0, .failure(.transport("\(error)"))) })
        }
        var results: [ArxivIdentifier: Result<ArxivLookup, ArxivError>] = [:]
        for identifier in batch {
            let match = feed.entries.filter { entry in
                entry.id.lowercased() == identifier.id.lowercased() && (identifier.version == nil || entry.version == identifier.version)
            }.max { ($0.version ?? 0) < ($1.version ?? 0) }
            results[identifier] = .success(match.map(ArxivLookup.found) ?? .notFound)
        }
        return results
    }

    /// Papers whose title matches `title`, best first: an exact title (ignoring case, spacing
    /// and punctuation) before the others, then arXiv's order.
    public func search(title: String, limit: Int = 10) throws -> [ArxivMetadata] {
        let words = title.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        let phrase = String(words).collapsingWhitespace()
        guard !phrase.isEmpty else { return [] }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+,\"#")
        let encoded = "ti:\"\(phrase)\"".addingPercentEncoding(withAllowedCharacters: allowed) ?? phrase
        let feed = try request("search_query=\(encoded)&max_results=\(limit)", emptyMeansRetry: true)
        let key = TitleKey(title)
        let exact = feed.entries.filter { TitleKey($0.title) == key }
        return exact + feed.entries.filter { TitleKey($0.title) != key }
    }

    /// One query, retried on 429 and 5xx (honouring `Retry-After`) and, once, on an empty page.
    private func request(_ query: String, emptyMeansRetry: Bool) throws -> AtomFeed {
        let separator = settings.apiURL.contains("?") ? "&" : "?"
        guard let url = URL(string: settings.apiURL + separator + query) else {
            throw ArxivError.transport("`\(settings.apiURL)` is not a valid API address")
        }
        // Without libcurl nothing is sent, so nothing waits for its turn or counts as a request.
        try CurlLibrary.load()
        var attempt = 0
        var emptyRetried = false
        while true {
            attempt += 1
            let response = try requests.fetch(url)
            if response.status == 429 || (500...599).contains(response.status) {
                guard attempt < settings.tries else { throw ArxivError.http(status: response.status, attempts: attempt) }
                let wait = response.retryAfter.map { min($0, 120) } ?? settings.backoff * pow(2, Double(attempt - 1))
                Thread.sleep(forTimeInterval: wait)
                continue
            }
            let feed: AtomFeed
            do {
                feed = try AtomFeed.parse(response.body, maximumSize: settings.maximumBodySize)
            } catch  where response.status != 200 {
                // Not a feed (a proxy's HTML page, say): the status is the clearer message.
                throw ArxivError.http(status: response.status, attempts: attempt)
            }
            if let message = feed.errors.first { throw ArxivError.api(message) }
            guard response.status == 200 else { throw ArxivError.http(status: response.status, attempts: attempt) }
            if feed.entries.isEmpty && emptyMeansRetry && !emptyRetried {
                emptyRetried = true
                continue
            }
            return feed
        }
    }
}
