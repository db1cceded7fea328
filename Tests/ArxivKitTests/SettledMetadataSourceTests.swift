import ArxivKit
import Synchronization
import Testing

@Suite struct SettledMetadataSourceTests {
    /// A source whose answers and fingerprint change at every snapshot, as a cache folder
    /// being filled does; it counts the snapshots taken.
    final class Changing: ArxivMetadataSource {
        let snapshots = Mutex(0)
        let answers: [String: ArxivLookup]
        let stamp: Int

        init(stamp: Int = 0, answers: [String: ArxivLookup] = [:]) {
            self.stamp = stamp
            self.answers = answers
        }

        func lookup(_ identifier: ArxivIdentifier) -> ArxivLookup? { answers[identifier.description] }
        var fingerprint: String { "stamp-\(stamp)" }
        var answersNothing: Bool { answers.isEmpty }

        func snapshot() -> any ArxivMetadataSource {
            let count = snapshots.withLock { count in
                count += 1
                return count
            }
            return Changing(stamp: count, answers: count == 1 ? ["2101.00001": .notFound] : [:])
        }
    }

    @Test func aRunReadsTheAnswersOfOneSnapshot() {
        let source = Changing()
        let settled = SettledMetadataSource(source)
        let identifier = ArxivIdentifier(id: "2101.00001", version: nil)
        for _ in 0..<3 {
            let lint = settled.snapshot()
            #expect(lint.lookup(identifier) == .notFound)
            #expect(lint.fingerprint == "stamp-1")
            #expect(!lint.answersNothing)
        }
        #expect(settled.fingerprint == "stamp-1")
        #expect(source.snapshots.withLock { $0 } == 1)
        // The source itself moved on: a new run settles on what it says then.
        #expect(SettledMetadataSource(source).lookup(identifier) == nil)
        #expect(SettledMetadataSource(source).answersNothing)
    }
}
