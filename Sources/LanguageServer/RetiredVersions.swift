import Dispatch
import Synchronization

/// Frees what a new document version replaced (the old parse, the old lint): releasing the
/// thousands of objects of a large note's old version costs a fifth of a keystroke's work.
///
/// The lint queue frees them after it has published the new version's diagnostics (`drop`),
/// so the diagnostics do not wait for it, and the next version is not built while the old one
/// is still held. Freed on a thread of their own while the next version was built, they
/// overlapped it: typing in the 1.36 MB note, the server peaked at 41.4-42.0 MiB against
/// 38.9-39.9 MiB (three alternated runs each). What no publish drops (a pull client's lint,
/// a request's parse) is dropped a moment later.
enum RetiredVersions {
    private static let pending = Mutex<[any Sendable]>([])
    private static let queue = DispatchQueue(label: "notelint.retired-versions", qos: .utility)

    /// Takes the last reference to `value` (the caller keeps none), to free it later.
    static func release<Value: Sendable>(_ value: consuming Value) {
        let retired = value
        pending.withLock { $0.append(retired) }
        queue.asyncAfter(deadline: .now() + .milliseconds(50)) { drop() }
    }

    /// Frees, on the caller's thread, everything retired so far.
    static func drop() {
        let retired = pending.withLock { pending in
            defer { pending = [] }
            return pending
        }
        withExtendedLifetime(retired) {}
    }
}
