import Foundation
import NoteInvariants
import NoteLint
import NoteSyntax
import TestSupport
import Testing

/// The invariants the pipeline fuzzer checks (Sources/NoteInvariants), on random notes from a
/// fixed seed, on every input the fuzzer once failed on, and on pathological inputs.
@Suite struct PipelinePropertyTests {
    static let linter = PipelineInvariants.makeLinter()

    static func fixtures() -> [[UInt8]] {
        let folder = PackagePaths.path("fixtures")
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        return files.sorted().compactMap { FileManager.default.contents(atPath: folder + "/" + $0).map { Array($0) } }
    }

    @Test func randomNotesKeepEveryInvariant() throws {
        let notes = RandomNotes(notes: Self.fixtures())
        #expect(notes.samples.count > 100)
        var generator = SeededGenerator(seed: 0x6E6F_7465)
        for iteration in 0..<300 {
            let bytes = notes.note(using: &generator)
            do {
                try PipelineInvariants.check(bytes, linter: Self.linter)
            } catch {
                Issue.record("iteration \(iteration): \(error)\ninput: \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }

    @Test func inputsTheFuzzerFailedOn() throws {
        let folder = PackagePaths.path("Fuzz/Regressions/pipeline")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = Array(FileManager.default.contents(atPath: folder + "/" + name)!)
            do { try PipelineInvariants.check(bytes, linter: Self.linter) } catch { Issue.record("\(name): \(error)") }
        }
    }

    /// That these finish is the test; their time per MB is measured by bench/pathological.py.
    @Test(arguments: PathologicalNotes.all.map(\.name))
    func pathologicalInputsFinishWithValidRanges(name: String) throws {
        let bytes = PathologicalNotes.all.first { $0.name == name }!.make()
        let source = SourceText(bytes: bytes)
        let result = Self.linter.lint(source)
        try RangeInvariants.check(result.diagnostics, in: source)
        let fixed = FixApplier.fixAll(bytes, linter: Self.linter, allowed: [.safe])
        #expect(fixed.converged)
    }

    private func violates(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return false
        } catch {
            return error is Violation
        }
    }

    @Test func theCheckersCatchWhatTheyLookFor() {
        let old = Array("abcdef".utf8)
        let edit = TextEdit(range: ByteRange(2, 3), newText: "X")
        #expect(!violates { try FixInvariants.checkOnlyEditedBytesChange(old: old, new: Array("abXdef".utf8), edits: [edit]) })
        #expect(violates { try FixInvariants.checkOnlyEditedBytesChange(old: old, new: Array("abXdeg".utf8), edits: [edit]) })
        #expect(violates { try FixInvariants.checkOnlyEditedBytesChange(old: old, new: Array("bXdef".utf8), edits: [edit]) })
        #expect(violates { try FixInvariants.checkLineEndingsKept(old: Array("a\nb\n".utf8), new: Array("a\r\nb\n".utf8)) })
        #expect(violates { try FixInvariants.checkLineEndingsKept(old: Array("a\r\nb\r\n".utf8), new: Array("a\r\nb\n".utf8)) })
        let source = SourceText("é\r\nb")
        #expect(violates { try RangeInvariants.check(ByteRange(1, 2), in: source, what: "inside é") })
        #expect(violates { try RangeInvariants.check(ByteRange(0, 9), in: source, what: "past the end") })
        #expect(!violates { try RangeInvariants.check(ByteRange(0, 3), in: source, what: "inside the line break") })
    }
}
