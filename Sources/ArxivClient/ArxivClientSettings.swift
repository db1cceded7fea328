import Foundation

/// How notelint talks to arXiv. Defaults follow arXiv's terms of use; the environment
/// variables exist so that tests (and a mirror or proxy) can stand in.
public struct ArxivClientSettings: Sendable {
    public static let defaultURL = "https://export.arxiv.org/api/query"
    /// arXiv's OAI-PMH base URL since 2025 (info.arxiv.org/help/oa); it was
    /// `http://export.arxiv.org/oai2`.
    public static let defaultOAIURL = "https://oaipmh.arxiv.org/oai"

    public var apiURL: String = defaultURL
    /// Seconds between two requests of any notelint process.
    public var interval: Double = 3
    /// Seconds a whole request may take.
    public var deadline: Double = 15
    /// Seconds of the first back-off after a 429 or 5xx without `Retry-After`; doubled after.
    public var backoff: Double = 3
    public var tries = 3
    public var maximumBodySize = AtomFeed.maximumSize
    public var batchSize = 100
    /// `notelint arxiv sync`: the OAI-PMH base URL, the seconds one page may take (a page of
    /// about a thousand arXivRaw records is megabytes), its tries while the repository answers
    /// 503, and the longest `Retry-After` honoured as given (a longer one is cut to it).
    public var oaiURL = defaultOAIURL
    public var harvestDeadline: Double = 120
    public var harvestTries = 5
    public var harvestMaximumWait: Double = 300
    public var userAgent = "notelint"
    /// A PEM file of the certificate authorities to trust instead of the system's (a company
    /// proxy's, or a test server's); nil: libcurl's own default.
    public var caFile: String?
    /// Where the cache and the request lock live.
    public var cacheFolder: String
    /// Days a found paper stays fresh; a not-found answer stays 1 day.
    public var cacheDays: Double = 30

    public init(cacheFolder: String) { self.cacheFolder = cacheFolder }

    /// `$XDG_CACHE_HOME/notelint`, else `~/.cache/notelint`.
    public static func defaultCacheFolder(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/notelint" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.cache/notelint"
    }

    /// The settings for a run: the configuration's `arxiv.api_url` and `arxiv.cache_days`, then
    /// NOTELINT_ARXIV_API_URL, NOTELINT_ARXIV_OAI_URL and NOTELINT_ARXIV_CA_FILE, and for tests NOTELINT_ARXIV_INTERVAL, NOTELINT_ARXIV_DEADLINE and
    /// NOTELINT_ARXIV_BACKOFF (seconds).
    public static func resolve(
        apiURL: String?, cacheDays: Int?, version: String,
        environment: [String: String]
    ) -> ArxivClientSettings {
        var settings = ArxivClientSettings(cacheFolder: defaultCacheFolder(environment))
        settings.userAgent = "notelint/\(version) (Markdown research-note linter)"
        if let apiURL { settings.apiURL = apiURL }
        if let url = environment["NOTELINT_ARXIV_API_URL"], !url.isEmpty { settings.apiURL = url }
        if let url = environment["NOTELINT_ARXIV_OAI_URL"], !url.isEmpty { settings.oaiURL = url }
        if let cacheDays { settings.cacheDays = Double(cacheDays) }
        if let file = environment["NOTELINT_ARXIV_CA_FILE"], !file.isEmpty { settings.caFile = file }
        if let value = environment["NOTELINT_ARXIV_INTERVAL"].flatMap(Double.init), value >= 0 { settings.interval = value }
        if let value = environment["NOTELINT_ARXIV_DEADLINE"].flatMap(Double.init), value > 0 { settings.deadline = value }
        if let value = environment["NOTELINT_ARXIV_BACKOFF"].flatMap(Double.init), value >= 0 { settings.backoff = value }
        return settings
    }

    var lockPath: String { cacheFolder + "/arxiv-requests.lock" }
}
