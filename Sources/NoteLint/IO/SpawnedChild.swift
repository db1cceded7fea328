import Foundation

// glibc declares these two only under _GNU_SOURCE, which Swift's Glibc module does not define.
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func addChangeDirectory(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>) -> Int32
@_silgen_name("pipe2")
private func makePipe(_ ends: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32

/// A child process started with posix_spawn(3): the leader of its own process group, with no
/// signal blocked or ignored (a thread of Dispatch blocks some, and an ignored SIGPIPE would be
/// inherited), its standard output and error on pipes, its input on a pipe or `/dev/null`.
/// `Subprocess` drains the pipes and waits for it.
struct SpawnedChild {
    struct SpawnError: Error, CustomStringConvertible {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    let pid: pid_t
    /// The parent's ends: read output and errors, write input (-1 without one).
    let output: Int32
    let errors: Int32
    let input: Int32

    /// Starts `arguments[0]` (a path, not looked up on PATH) with `arguments` as its argv.
    init(_ arguments: [String], in directory: String?, withInput: Bool) throws(SpawnError) {
        let outputPipe = try Self.pipe()
        let errorPipe: (read: Int32, write: Int32)
        do { errorPipe = try Self.pipe() } catch {
            Self.close(outputPipe)
            throw error
        }
        var inputPipe: (read: Int32, write: Int32)? = nil
        if withInput {
            do { inputPipe = try Self.pipe() } catch {
                Self.close(outputPipe, errorPipe)
                throw error
            }
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let inputPipe {
            posix_spawn_file_actions_adddup2(&actions, inputPipe.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outputPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe.write, 2)
        if let directory { _ = addChangeDirectory(&actions, directory) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)

        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        // The child's ends are the child's now (or nobody's, when it did not start).
        Foundation.close(outputPipe.write)
        Foundation.close(errorPipe.write)
        if let inputPipe { Foundation.close(inputPipe.read) }
        guard status == 0 else {
            Foundation.close(outputPipe.read)
            Foundation.close(errorPipe.read)
            if let inputPipe { Foundation.close(inputPipe.write) }
            throw SpawnError(code: status)
        }
        self.pid = pid
        output = outputPipe.read
        errors = errorPipe.read
        input = inputPipe?.write ?? -1
    }

    /// Closes the parent's reading ends (the input's is closed by whoever fed it).
    func closeOutputs() {
        Foundation.close(output)
        Foundation.close(errors)
    }

    /// How the child ended, once it has; nil when `end` came first (the child is left running).
    func waitForExit(until end: ContinuousClock.Instant) -> Subprocess.Termination? {
        // Its pipes are closed by now, in all but odd cases: the exit follows within moments.
        var pause: UInt32 = 50
        while true {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return Self.termination(status) }
            if reaped < 0 && errno != EINTR { return .exit(-1) }
            if ContinuousClock.now >= end { return nil }
            usleep(pause)
            pause = min(pause * 2, 10_000)
        }
    }

    /// SIGTERM to the child's process group (its own children too, which may hold the pipes),
    /// SIGKILL if the child is still there after `grace`; the child is reaped either way.
    func stop(grace: Duration) {
        kill(-pid, SIGTERM)
        if waitForExit(until: ContinuousClock.now + grace) == nil {
            kill(-pid, SIGKILL)
            _ = waitForExit(until: ContinuousClock.now + grace)
        }
    }

    /// waitpid's status, decoded as the W* macros do (Swift cannot call them).
    private static func termination(_ status: Int32) -> Subprocess.Termination {
        let signal = status & 0x7F
        return signal == 0 ? .exit((status >> 8) & 0xFF) : .signal(signal)
    }

    private static func pipe() throws(SpawnError) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        // Close-on-exec, so that a child another thread starts meanwhile does not keep them.
        guard makePipe(&ends, O_CLOEXEC) == 0 else { throw SpawnError(code: errno) }
        return (ends[0], ends[1])
    }

    private static func close(_ pipes: (read: Int32, write: Int32)...) {
        for pipe in pipes {
            Foundation.close(pipe.read)
            Foundation.close(pipe.write)
        }
    }
}
