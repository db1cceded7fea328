import Foundation

/// Where a `ListRecords` request starts: a new list of the records changed since a day, or the
/// next page of a list.
public enum OAIListRequest: Sendable, Equatable {
    case from(day: String)
    case resume(token: String)
}

/// An OAI-PMH error that ends a harvest. `noRecordsMatch` is not one: it is an empty list.
public enum OAIHarvestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The repository no longer knows the token (it expired, or the list changed).
    case badResumptionToken(String)
    case repository(code: String, message: String)
    /// Not a well-formed OAI-PMH answer.
    case malformed(String)

    public var description: String {
        switch self {
        case .badResumptionToken(let message):
            return "the repository rejected the resumption token (badResumptionToken: \(message.isEmpty ? "no message" : message))"
        case .repository(let code, let message):
            return "the repository answered the error \(code.isEmpty ? "(no code)" : code)\(message.isEmpty ? "" : ": \(message)")"
        case .malformed(let why): return "the answer is not a valid OAI-PMH response: \(why)"
        }
    }
}

/// Asks arXiv's OAI-PMH interface for `ListRecords` pages in the arXivRaw format, one page
/// per call, with the API client's User-Agent and request spacing (the same lock file, so a
/// harvest and a `fill` never ask arXiv at once). A 503 (or 429, or another 5xx) is retried
/// after its `Retry-After`, as OAI-PMH's flow control asks, up to `harvestTries` tries.
public final class OAIHarvester: Sendable {
    public let settings: ArxivClientSettings
    private let requests: SpacedRequests

    public init(settings: ArxivClientSettings) {
        self.settings = settings
        let http = HTTPGet(
            userAgent: settings.userAgent, deadline: settings.harvestDeadline, maximumBodySize: OAIListRecordsPage.maximumSize,
            caFile: settings.caFile, accept: "text/xml, application/xml")
        requests = SpacedRequests(http: http, settings: settings)
    }

    /// HTTP requests this harvester has sent.
    public var requestCount: Int { requests.count }

    /// The request's URL: `?verb=ListRecords&metadataPrefix=arXivRaw&from=DAY`, or
    /// `?verb=ListRecords&resumptionToken=TOKEN` (a token carries the rest).
    public func url(for request: OAIListRequest) throws -> URL {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let query: String
        switch request {
        case .from(let day):
            query = "verb=ListRecords&metadataPrefix=arXivRaw&from=" + (day.addingPercentEncoding(withAllowedCharacters: allowed) ?? day)
        case .resume(let token):
            query = "verb=ListRecords&resumptionToken=" + (token.addingPercentEncoding(withAllowedCharacters: allowed) ?? token)
        }
        let separator = settings.oaiURL.contains("?") ? "&" : "?"
        guard let url = URL(string: settings.oaiURL + separator + query), url.scheme == "http" || url.scheme == "https" else {
            throw ArxivError.transport("`\(settings.oaiURL)` is not a valid OAI-PMH address")
        }
        return url
    }

    /// One page. `noRecordsMatch` is a page without records or token; `badResumptionToken` and
    /// the other OAI-PMH errors throw `OAIHarvestError`; `wait` is told of each wait a 503 asks for.
    public func listRecords(_ request: OAIListRequest, wait: (Double) -> Void = { _ in }) throws -> OAIListRecordsPage {
        let url = try self.url(for: request)
        try CurlLibrary.load()
        var attempt = 0
        while true {
            attempt += 1
            let response = try requests.fetch(url)
            if response.status == 429 || (500...599).contains(response.status) {
                guard attempt < settings.harvestTries else { throw ArxivError.http(status: response.status, attempts: attempt) }
                let seconds =
                    response.retryAfter.map { min(max($0, 0), settings.harvestMaximumWait) }
                    ?? settings.backoff * pow(2, Double(attempt - 1))
                wait(seconds)
                Thread.sleep(forTimeInterval: seconds)
                continue
            }
            let page: OAIListRecordsPage
            do {
                page = try OAIListRecordsPage.parse(response.body)
            } catch  where response.status != 200 {
                // Not an OAI-PMH answer (a proxy's HTML page, say): the status is the clearer message.
                throw ArxivError.http(status: response.status, attempts: attempt)
            }
            if let error = page.error {
                switch error.code {
                case "noRecordsMatch": return OAIListRecordsPage(responseDate: page.responseDate, error: error)
                case "badResumptionToken": throw OAIHarvestError.badResumptionToken(error.message)
                default: throw OAIHarvestError.repository(code: error.code, message: error.message)
                }
            }
            guard response.status == 200 else { throw ArxivError.http(status: response.status, attempts: attempt) }
            return page
        }
    }
}
