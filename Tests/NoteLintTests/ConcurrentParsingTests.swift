import Dispatch
import Foundation
import NoteInvariants
import NoteLint
import NoteSyntax
import Synchronization
import Testing

/// ThreadSanitizer cannot see inside the system's libcmark-gfm; this is the guard for its
/// thread safety: the same notes parsed and linted on many threads at once must give exactly
/// what they give one at a time.
@Suite struct ConcurrentParsingTests {
    @Test func parallelParsesEqualSerialOnes() throws {
        Note.prepareForConcurrentParsing()
        let random = RandomNotes(notes: PipelinePropertyTests.fixtures())
        var generator = SeededGenerator(seed: 7)
        let notes = PipelinePropertyTests.fixtures() + (0..<60).map { _ in random.note(using: &generator) }
        let linter = PipelineInvariants.makeLinter()
        @Sendable func render(_ bytes: [UInt8]) -> String {
            let result = linter.lint(SourceText(bytes: bytes))
            return result.note.dump() + result.diagnostics.map { "\($0.ruleID) \($0.range) \($0.message)" }.joined(separator: "\n")
        }
        let serial = notes.map(render)
        // Every note several times over, in an order that differs from the serial one.
        let jobs = (0..<(notes.count * 4)).map { ($0 * 7) % notes.count }
        let parallel = Mutex([String?](repeating: nil, count: jobs.count))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let text = render(notes[jobs[index]])
            parallel.withLock { $0[index] = text }
        }
        let results = parallel.withLock { $0 }
        for (index, note) in jobs.enumerated() {
            #expect(results[index] == serial[note], "note \(note) differs when parsed in parallel")
        }
    }
}
