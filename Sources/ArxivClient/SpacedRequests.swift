import Foundation
import Synchronization

/// GET requests to arXiv, one at a time and spaced for every notelint process of the user
/// (`RequestSpacing`), counted: what the API client and the OAI-PMH harvester share.
final class SpacedRequests: Sendable {
    private let http: HTTPGet
    private let spacing: RequestSpacing
    private let sent = Atomic(0)

    init(http: HTTPGet, settings: ArxivClientSettings) {
        self.http = http
        spacing = RequestSpacing(lockPath: settings.lockPath, interval: settings.interval)
    }

    /// Requests sent so far.
    var count: Int { sent.load(ordering: .relaxed) }

    /// Waits for its turn, then fetches `url`.
    func fetch(_ url: URL) throws -> HTTPGet.Response {
        try spacing.run { () throws -> HTTPGet.Response in
            sent.add(1, ordering: .relaxed)
            return try http.fetch(url)
        }
    }
}
