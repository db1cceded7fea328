import Dispatch

#if os(Linux)
    import Glibc

    /// glibc's `malloc_trim` and `mallopt`, which the Glibc module does not export.
    @_silgen_name("malloc_trim") private func mallocTrim(_ pad: Int) -> Int32
    @_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// How the long-running server keeps its resident memory from growing with what it has seen.
public enum ProcessMemory {
    /// glibc gives each thread that allocates under contention an arena of its own (up to eight
    /// per core), and memory freed in those arenas mostly stays resident. A server that lints
    /// on many threads then keeps a size that grows with the machine's core count, not with
    /// what it holds: on a 2-core machine a closed 1.7 MB note left 30 MB behind with the
    /// default and 17 MB with two arenas (bench/lsp_memory.py measures both). While typing in
    /// a 1.36 MB note, each arena also keeps what the edits before freed in it: over six runs
    /// each of bench/lsp_latency.py's loop, alternated, the peak was a median 47.6 MiB (up to
    /// 55.6) with two arenas and 41.3 MiB with one, and p50 4.65 against 5.25 ms, within the
    /// noise of the 2-core machine measured but perhaps the cost of threads waiting for the one
    /// arena (they take small objects from caches of their own). A `MALLOC_ARENA_MAX` the user
    /// set wins.
    public static func limitAllocatorArenas() {
        #if os(Linux)
            guard getenv("MALLOC_ARENA_MAX") == nil else { return }
            let arenaMaximum: Int32 = -8  // M_ARENA_MAX in <malloc.h>
            _ = mallopt(arenaMaximum, 1)
        #endif
    }

    /// Gives freed memory back to the system after a large message or document: at most once
    /// a second while the server is busy, and once more when it has been idle for a moment.
    /// Trimming after every keystroke's lint of a large note cost 4% of the server's time.
    static func release() {
        #if os(Linux)
            trimQueue.async {
                pendingTrim?.cancel()
                let now = DispatchTime.now().uptimeNanoseconds
                if now - lastTrim >= 1_000_000_000 {
                    lastTrim = now
                    _ = mallocTrim(0)
                    return
                }
                let trim = DispatchWorkItem {
                    lastTrim = DispatchTime.now().uptimeNanoseconds
                    _ = mallocTrim(0)
                }
                pendingTrim = trim
                trimQueue.asyncAfter(deadline: .now() + 0.3, execute: trim)
            }
        #endif
    }

    private static let trimQueue = DispatchQueue(label: "notelint.memory")
    /// Only touched on `trimQueue`.
    nonisolated(unsafe) private static var pendingTrim: DispatchWorkItem?
    nonisolated(unsafe) private static var lastTrim: UInt64 = 0
}
