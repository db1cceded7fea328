// Why posix_spawn(3) and not swiftlang/swift-subprocess 1.0.2: that package's API is async
// only, and every caller here is synchronous (FileDiscovery.files serves the CLI's synchronous
// commands and the language server's Dispatch queues). Bridging would mean blocking a thread on
// a Task, which can starve Swift's cooperative pool (two threads on a two-core machine), or
// making discovery async through the CLI and the server. It also has no deadline of its own,
// and it brings swift-system with it: a clean debug build of a package depending on it took
// 12 to 16.5 s longer on this project's two-core machine, which every CI run would pay.
// Foundation's Process was used before: starting one git through it cost 10 M instructions,
// a quarter of a warm run of 2,000 notes.

import Foundation

/// Runs a program (looked up on PATH through `/usr/bin/env`, as a shell would) and collects
/// its exit status, standard output and standard error. Every git call in notelint goes
/// through here.
///
/// Both output pipes are drained together, and standard input is fed in the same loop, by
/// `poll(2)` on the calling thread: a child that fills one pipe while notelint waits on the
/// other, or that answers a large input before reading all of it, cannot deadlock. The
/// deadline bounds the whole run, draining included: past it the child's process group (each
/// child leads its own) gets SIGTERM, then SIGKILL if it is still there after a grace period,
/// and the run fails naming the command.
///
/// The pipes are drained to their end, so a run also waits for anything the child left running
/// in the background holding them (the deadline bounds that too).
public enum Subprocess {
    /// How the child ended.
    public enum Termination: Equatable, Sendable {
        /// It exited with this status.
        case exit(Int32)
        /// A signal ended it.
        case signal(Int32)
    }

    public struct Output: Sendable {
        public let termination: Termination
        public let standardOutput: [UInt8]
        public let standardError: [UInt8]

        /// Exited with status 0.
        public var succeeded: Bool { termination == .exit(0) }
    }

    public enum Failure: Error, CustomStringConvertible {
        /// The child could not be started: no `/usr/bin/env`, or no such working directory.
        /// A program missing from PATH is not this: `env` starts, and exits with 127.
        case launch(command: String, underlying: any Error)
        /// The child had not finished when the deadline passed, and was stopped.
        case deadline(command: String, after: Duration)

        public var description: String {
            switch self {
            case .launch(let command, let underlying):
                return "cannot run `\(command)`: \(underlying)"
            case .deadline(let command, let after):
                return "`\(command)` had not finished after \(Subprocess.seconds(after)) s and was stopped"
            }
        }
    }

    /// The deadline of notelint's git calls: far beyond what listing or diffing a large work
    /// tree takes, so that it only ever ends a git that hangs (a stalled network file system,
    /// a hook waiting for input).
    public static let gitDeadline: Duration = .seconds(120)

    /// How long a child has to exit after SIGTERM before it gets SIGKILL.
    static let terminationGrace: Duration = .seconds(2)

    /// Runs `arguments[0]` with the rest as its arguments, in `directory` (the current one when
    /// nil), with `input` as its standard input (`/dev/null` when nil), and the environment of
    /// this process.
    public static func run(_ arguments: [String], in directory: String? = nil, input: [UInt8]? = nil, deadline: Duration) throws(Failure)
        -> Output
    {
        precondition(!arguments.isEmpty, "Subprocess.run needs a program to run")
        let command = arguments.joined(separator: " ")
        let end = ContinuousClock.now + deadline
        let child: SpawnedChild
        do {
            child = try SpawnedChild(["/usr/bin/env"] + arguments, in: directory, withInput: input != nil)
        } catch {
            throw .launch(command: command, underlying: error)
        }
        defer { child.closeOutputs() }
        var streams = Streams(output: child.output, errors: child.errors, input: child.input, bytes: input ?? [])
        let drained = input == nil ? streams.drain(until: end) : withSIGPIPEBlocked { streams.drain(until: end) }
        guard drained, let termination = child.waitForExit(until: end) else {
            child.stop(grace: terminationGrace)
            throw .deadline(command: command, after: deadline)
        }
        return Output(termination: termination, standardOutput: streams.outputBytes, standardError: streams.errorBytes)
    }

    /// The parent's ends of the three pipes (-1 for no input), and what has gone through them.
    private struct Streams {
        let output: Int32
        let errors: Int32
        let input: Int32
        let bytes: [UInt8]
        var written = 0
        var outputBytes: [UInt8] = []
        var errorBytes: [UInt8] = []

        init(output: Int32, errors: Int32, input: Int32, bytes: [UInt8]) {
            self.output = output
            self.errors = errors
            self.input = input
            self.bytes = bytes
        }

        /// Reads both outputs to their end and writes all of the input (or as much as the child
        /// takes before closing it), closing the input; false when `end` came first.
        mutating func drain(until end: ContinuousClock.Instant) -> Bool {
            for fd in [output, errors, input] where fd >= 0 {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
            var polled = [
                pollfd(fd: output, events: Int16(POLLIN), revents: 0),
                pollfd(fd: errors, events: Int16(POLLIN), revents: 0),
                pollfd(fd: input, events: Int16(POLLOUT), revents: 0),
            ]
            defer { closeInput(&polled) }
            if input >= 0 && bytes.isEmpty { closeInput(&polled) }
            var buffer = [UInt8](repeating: 0, count: 65536)
            while polled.contains(where: { $0.fd >= 0 }) {
                let remaining = end - ContinuousClock.now
                guard remaining > .zero else { return false }
                let ready = poll(&polled, nfds_t(polled.count), Subprocess.milliseconds(remaining))
                if ready < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return false
                }
                for index in 0..<2 where polled[index].fd >= 0 && polled[index].revents != 0 {
                    let count = buffer.withUnsafeMutableBytes { read(polled[index].fd, $0.baseAddress, $0.count) }
                    if count > 0 {
                        if index == 0 { outputBytes += buffer[..<count] } else { errorBytes += buffer[..<count] }
                    } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                        polled[index].fd = -1  // the end, or a pipe that cannot be read any more
                    }
                }
                if polled[2].fd >= 0 && polled[2].revents != 0 {
                    if polled[2].revents & Int16(POLLOUT) == 0 || polled[2].revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 {
                        closeInput(&polled)  // the child closed its end: it wants no more
                        continue
                    }
                    let count = bytes.withUnsafeBytes { all in
                        write(polled[2].fd, all.baseAddress! + written, min(all.count - written, 65536))
                    }
                    if count > 0 {
                        written += count
                        if written == bytes.count { closeInput(&polled) }
                    } else if count < 0 && errno != EINTR && errno != EAGAIN {
                        // EPIPE: the child closed its input after poll(2) looked.
                        closeInput(&polled)
                    }
                }
            }
            return true
        }

        /// Closing the write end is what tells the child its input has ended.
        private func closeInput(_ polled: inout [pollfd]) {
            if polled[2].fd >= 0 { close(polled[2].fd) }
            polled[2].fd = -1
        }
    }

    /// Runs `body` with SIGPIPE blocked on this thread, so that writing to a child that no
    /// longer reads gives EPIPE instead of ending notelint; a SIGPIPE raised meanwhile is taken
    /// off this thread before it is unblocked.
    static func withSIGPIPEBlocked<T>(_ body: () -> T) -> T {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        var pending = sigset_t()
        sigpending(&pending)
        let alreadyPending = sigismember(&pending, SIGPIPE) == 1
        defer {
            sigpending(&pending)
            if !alreadyPending && sigismember(&pending, SIGPIPE) == 1 {
                var taken: Int32 = 0
                sigwait(&pipeSignal, &taken)
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        return body()
    }

    /// `duration` in whole milliseconds, rounded up, for poll(2).
    static func milliseconds(_ duration: Duration) -> Int32 {
        guard duration > .zero else { return 0 }
        let (seconds, attoseconds) = duration.components
        let total = min(seconds, Int64(Int32.max / 1000)) * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: total)
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return String(seconds) }
        return String(Double(seconds) + Double(attoseconds) / 1e18)
    }
}
