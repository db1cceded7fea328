import ArxivKit

/// Where `fill`, `check --online` and the editor's arXiv actions get a paper: the local index
/// first (no network, no waiting), then the API's answers kept in the cache, then the API
/// itself (unless offline), whose answers the cache keeps.
public struct ArxivPapers {
    public typealias LocalIndex = ArxivMetadataSource & ArxivTitleSearch
    public let index: (any LocalIndex)?
    public let cache: MetadataCache
    /// nil when the network is not to be used.
    public let client: ArxivClient?

    public init(index: (any LocalIndex)?, cache: MetadataCache, client: ArxivClient?) {
        self.index = index
        self.cache = cache
        self.client = client
    }

    public struct Answers {
        public var answers: [ArxivIdentifier: ArxivLookup] = [:]
        public var failures: [ArxivIdentifier: ArxivError] = [:]
    }

    /// What is known of each identifier; those neither the index nor the cache answers are
    /// fetched. `progress` is told (done, total) of the fetches.
    public func answers(
        _ identifiers: [ArxivIdentifier], today: (year: Int, month: Int), progress: (Int, Int) -> Void = { _, _ in }
    ) -> Answers {
        var result = Answers()
        var unknown: [ArxivIdentifier] = []
        var seen = Set<ArxivIdentifier>()
        for identifier in identifiers where seen.insert(identifier).inserted {
            let local = index?.lookup(identifier)
            if case .found = local {
                result.answers[identifier] = local
            } else if let cached = cache.lookup(identifier) ?? local {
                result.answers[identifier] = cached
            } else {
                unknown.append(identifier)
            }
        }
        guard !unknown.isEmpty else { return result }
        guard let client else {
            for identifier in unknown { result.failures[identifier] = .offline }
            return result
        }
        result.failures = client.refresh(unknown, cache: cache, today: today, progress: progress)
        for identifier in unknown where result.failures[identifier] == nil {
            result.answers[identifier] = cache.lookup(identifier)
        }
        return result
    }

    /// Papers titled like `title`, the exact title (ignoring case, spacing and punctuation)
    /// first: from the index when it holds that title, else from the API (the index's matches
    /// when offline).
    public func search(title: String, limit: Int = 10) throws -> [ArxivMetadata] {
        let key = TitleKey(title)
        let local = index?.papers(titled: title, limit: limit, typing: false) ?? []
        if local.contains(where: { TitleKey($0.title) == key }) || client == nil {
            return local.filter { TitleKey($0.title) == key } + local.filter { TitleKey($0.title) != key }
        }
        return try client!.search(title: title, limit: limit)
    }
}
