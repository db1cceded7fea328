import Foundation
import Testing

@testable import NoteLint

/// The runner behind every git call: it must drain both pipes at once, feed large inputs,
/// report how the child ended, and stop a child that runs past its deadline.
@Suite struct SubprocessTests {
    /// More than a pipe holds (64 KiB on Linux), many times over.
    static let big = 1 << 20

    func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-subprocess-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Whether process `pid` is gone (or only a zombie waiting for whoever adopted it).
    func isGone(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        // `pid (name) state ...`: the state follows the last parenthesis.
        guard let close = stat.lastIndex(of: ")") else { return false }
        return stat[close...].dropFirst(2).first == "Z"
    }

    /// Whether process `pid` is gone within a few seconds (a signal sent to it takes a moment).
    func waitUntilGone(_ pid: Int32) -> Bool {
        let start = ContinuousClock.now
        while !isGone(pid) {
            if ContinuousClock.now - start > .seconds(5) { return false }
            usleep(20_000)
        }
        return true
    }

    /// A megabyte on each pipe, the one written first filling while the other is still open:
    /// a runner that read one pipe to its end before the other would wait forever.
    @Test(.timeLimit(.minutes(1)), arguments: ["stdout first", "stderr first"])
    func bothPipesLargerThanABufferAreDrained(order: String) throws {
        let toOut = "head -c \(Self.big) /dev/zero | tr '\\0' o"
        let toErr = "head -c \(Self.big) /dev/zero | tr '\\0' e >&2"
        let script = order == "stdout first" ? "\(toOut); \(toErr)" : "\(toErr); \(toOut)"
        let output = try Subprocess.run(["sh", "-c", script], deadline: .seconds(30))
        #expect(output.termination == .exit(0))
        #expect(output.standardOutput.count == Self.big)
        #expect(output.standardError.count == Self.big)
        #expect(output.standardOutput.allSatisfy { $0 == UInt8(ascii: "o") })
        #expect(output.standardError.allSatisfy { $0 == UInt8(ascii: "e") })
    }

    /// The child and the grandchild holding its pipes are both stopped at the deadline (long
    /// enough for a loaded machine to start them and write the grandchild's number).
    @Test(.timeLimit(.minutes(1))) func aChildPastItsDeadlineIsStoppedAndNamed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = "sleep 30 & echo $! > \"$0/sleeper\"; wait; echo too late"
        let start = ContinuousClock.now
        let error = #expect(throws: Subprocess.Failure.self) {
            _ = try Subprocess.run(["sh", "-c", script, folder], deadline: .seconds(2))
        }
        guard case .deadline(let command, let after)? = error else {
            Issue.record("expected a deadline failure, got \(String(describing: error))")
            return
        }
        #expect(command == "sh -c \(script) \(folder)")
        #expect(after == .seconds(2))
        #expect("\(error!)".contains("`sh -c sleep 30 & echo") && "\(error!)".contains("after 2 s"))
        #expect(ContinuousClock.now - start < .seconds(10))
        let sleeper = try String(contentsOfFile: folder + "/sleeper", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(Int32(sleeper))
        #expect(waitUntilGone(pid), "the grandchild \(pid) outlived the deadline")
    }

    /// A child that ignores SIGTERM gets SIGKILL after the grace period, and so does its own
    /// child, which ignores it too.
    @Test(.timeLimit(.minutes(1))) func aChildIgnoringSIGTERMIsKilled() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = "trap '' TERM; echo $$ > \"$0/shell\"; sleep 30 & echo $! > \"$0/sleeper\"; wait; echo too late"
        let start = ContinuousClock.now
        let error = #expect(throws: Subprocess.Failure.self) {
            _ = try Subprocess.run(["sh", "-c", script, folder], deadline: .milliseconds(1500))
        }
        guard case .deadline? = error else {
            Issue.record("expected a deadline failure, got \(String(describing: error))")
            return
        }
        #expect(ContinuousClock.now - start < .seconds(10))
        for name in ["shell", "sleeper"] {
            let pid = try #require(
                Int32(String(contentsOfFile: folder + "/" + name, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(waitUntilGone(pid), "the \(name) \(pid) survived")
        }
    }

    @Test func exitStatusAndStandardErrorAreReturned() throws {
        let output = try Subprocess.run(["sh", "-c", "echo out; echo 'went wrong' >&2; exit 3"], deadline: .seconds(30))
        #expect(output.termination == .exit(3))
        #expect(!output.succeeded)
        #expect(output.standardOutput == Array("out\n".utf8))
        #expect(output.standardError == Array("went wrong\n".utf8))

        let killed = try Subprocess.run(["sh", "-c", "kill -KILL $$"], deadline: .seconds(30))
        #expect(killed.termination == .signal(SIGKILL))

        let succeeded = try Subprocess.run(["true"], deadline: .seconds(30))
        #expect(succeeded.succeeded)
        #expect(succeeded.standardOutput.isEmpty && succeeded.standardError.isEmpty)
    }

    /// A program missing from PATH is what `env` says of it (status 127), as git missing is.
    @Test func aMissingProgramExitsWith127() throws {
        let output = try Subprocess.run(["notelint-no-such-program-\(UUID().uuidString)"], deadline: .seconds(30))
        #expect(output.termination == .exit(127))
        #expect(!output.standardError.isEmpty)
    }

    /// `cat` writes its input back while it is still being written: the input must go in
    /// while the output comes out, or both sides wait on a full pipe.
    @Test(.timeLimit(.minutes(1))) func inputLargerThanABufferIsDelivered() throws {
        let input = (0..<(Self.big * 2)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        let echoed = try Subprocess.run(["cat"], input: input, deadline: .seconds(30))
        #expect(echoed.termination == .exit(0))
        #expect(echoed.standardOutput.count == input.count)
        #expect(echoed.standardOutput == input)

        let counted = try Subprocess.run(["wc", "-c"], input: input, deadline: .seconds(30))
        #expect(String(decoding: counted.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespaces) == "\(input.count)\n")

        let none = try Subprocess.run(["wc", "-c"], input: [], deadline: .seconds(30))
        #expect(String(decoding: none.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    /// A child that exits without reading its input leaves a closed pipe to write to: the run
    /// still returns (SIGPIPE would end the test process instead).
    @Test(.timeLimit(.minutes(1))) func aChildThatReadsNoInputDoesNotEndTheCaller() throws {
        let output = try Subprocess.run(["sh", "-c", "exit 4"], input: [UInt8](repeating: 0x61, count: Self.big), deadline: .seconds(30))
        #expect(output.termination == .exit(4))
    }

    /// The one write the poll loop cannot rule out: the child closes its input between poll(2)
    /// saying there is room and the write. SIGPIPE must not end notelint then, nor stay pending.
    @Test func writingToAClosedPipeGivesEPIPEInsteadOfSIGPIPE() throws {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        defer { close(ends[1]) }
        close(ends[0])
        var before = sigset_t()
        pthread_sigmask(SIG_SETMASK, nil, &before)
        let (written, error) = Subprocess.withSIGPIPEBlocked {
            let byte: [UInt8] = [1]
            let written = write(ends[1], byte, 1)
            return (written, errno)
        }
        #expect(written == -1 && error == EPIPE)
        var pending = sigset_t()
        sigpending(&pending)
        #expect(sigismember(&pending, SIGPIPE) == 0, "a SIGPIPE was left pending")
        var after = sigset_t()
        pthread_sigmask(SIG_SETMASK, nil, &after)
        #expect(sigismember(&after, SIGPIPE) == sigismember(&before, SIGPIPE), "the signal mask was not restored")
    }

    /// git is started with no signal blocked, even from a thread that blocks them (as
    /// Dispatch's worker threads do), so that SIGTERM reaches it.
    @Test func theChildStartsWithNoSignalBlocked() throws {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        sigaddset(&blocked, SIGINT)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        // Run directly, not through a shell: dash clears its own mask when it starts.
        let output = try Subprocess.run(["grep", "^SigBlk:", "/proc/self/status"], deadline: .seconds(30))
        #expect(String(decoding: output.standardOutput, as: UTF8.self) == "SigBlk:\t0000000000000000\n")
        var now = sigset_t()
        pthread_sigmask(SIG_SETMASK, nil, &now)
        #expect(sigismember(&now, SIGTERM) == 1, "the caller's own mask was not restored")
    }

    @Test func theChildRunsInTheFolderGiven() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try Subprocess.run(["pwd", "-P"], in: folder, deadline: .seconds(30))
        let expected = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        #expect(String(decoding: output.standardOutput, as: UTF8.self) == expected + "\n")

        let error = #expect(throws: Subprocess.Failure.self) {
            _ = try Subprocess.run(["pwd"], in: folder + "/missing", deadline: .seconds(30))
        }
        guard case .launch(let command, _)? = error else {
            Issue.record("expected a launch failure, got \(String(describing: error))")
            return
        }
        #expect(command == "pwd")
    }
}
