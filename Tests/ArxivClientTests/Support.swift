import ArxivKit
import FakeArxivServer
import Foundation
import TestSupport

@testable import ArxivClient

/// A client of the fake server, with short intervals so tests run quickly, that keeps its
/// cache (and the lock that spaces requests) in `folder`.
func testClient(_ url: String, folder: TemporaryFolder, deadline: Double = 5, batchSize: Int = 100) -> ArxivClient {
    var settings = ArxivClientSettings(cacheFolder: folder.path)
    settings.apiURL = url
    settings.interval = 0.01
    settings.backoff = 0.05
    settings.deadline = deadline
    settings.batchSize = batchSize
    settings.userAgent = "notelint/test"
    return ArxivClient(settings: settings)
}

func id(_ text: String) -> ArxivIdentifier { ArxivIdentifier.parse(text)! }

let today = (year: 2026, month: 11)

extension Result where Success == ArxivLookup, Failure == ArxivError {
    var title: String? {
        if case .success(.found(let metadata)) = self { return metadata.title }
        return nil
    }
    var error: ArxivError? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
