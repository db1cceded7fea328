import ArxivKit

extension ArxivClient {
    /// Fetches the identifiers the cache has no fresh answer for, stores the answers, and
    /// returns the failures (nothing is stored for them).
    public func refresh(
        _ identifiers: [ArxivIdentifier], cache: MetadataCache, today: (year: Int, month: Int),
        progress: (Int, Int) -> Void = { _, _ in }
    ) -> [ArxivIdentifier: ArxivError] {
        var missing: [ArxivIdentifier] = []
        var seen = Set<ArxivIdentifier>()
        for identifier in identifiers where seen.insert(identifier).inserted && cache.lookup(identifier) == nil {
            missing.append(identifier)
        }
        var failures: [ArxivIdentifier: ArxivError] = [:]
        guard !missing.isEmpty else { return failures }
        let results = fetch(missing, today: today) { progress($0, missing.count) }
        for (identifier, result) in results {
            switch result {
            case .success(let answer):
                do { try cache.store(answer, for: identifier) } catch {
                    failures[identifier] = .transport("cannot write the cache: \(error.localizedDescription)")
                }
            case .failure(let error):
                failures[identifier] = error
            }
        }
        return failures
    }
}
