import Foundation
import Synchronization
import Testing

@testable import LanguageServer

@Suite(.serialized) struct RetiredVersionsTests {
    /// Counts its instances, to see when the last reference went.
    final class Version: Sendable {
        static let alive = Atomic(0)
        init() { Version.alive.add(1, ordering: .relaxed) }
        deinit { Version.alive.subtract(1, ordering: .relaxed) }
    }

    @Test func aRetiredVersionIsFreedWhenTheLintQueueDropsIt() {
        RetiredVersions.drop()
        let before = Version.alive.load(ordering: .relaxed)
        RetiredVersions.release(Version())
        // Freed by now, on this thread (another suite's publish may have dropped it first).
        RetiredVersions.drop()
        #expect(Version.alive.load(ordering: .relaxed) == before)
    }

    @Test func aRetiredVersionNoPublishDropsIsFreedAMomentLater() async throws {
        RetiredVersions.drop()
        let before = Version.alive.load(ordering: .relaxed)
        RetiredVersions.release(Version())
        var waited = 0
        while Version.alive.load(ordering: .relaxed) > before && waited < 5_000 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 10
        }
        #expect(Version.alive.load(ordering: .relaxed) == before, "still held after \(waited) ms")
    }
}
