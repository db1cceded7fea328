import CFuzzerDriver
import Foundation
import NoteInvariants
import NoteLint

// Arbitrary bytes through parse, lint with every rule, every fix and a re-lint; a broken
// invariant stops the run, and libFuzzer writes the input as a crash-* file.
let linter = PipelineInvariants.makeLinter()

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    do {
        try PipelineInvariants.check(bytes, linter: linter)
    } catch {
        fatalError("\(error)")
    }
    return 0
}
exit(status)
