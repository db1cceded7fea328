import Dispatch

/// Frees what a new document version replaced (the old parse, the old lint) on a thread of its
/// own: releasing the thousands of objects of a large note's old version cost a fifth of a
/// keystroke's work, and the diagnostics of the new version do not need to wait for it.
enum RetiredVersions {
    private static let queue = DispatchQueue(label: "notelint.retired-versions", qos: .utility)

    /// Takes the last reference to `value` (the caller keeps none) and drops it off this thread.
    static func release<Value: Sendable>(_ value: consuming Value) {
        let retired = value
        queue.async { withExtendedLifetime(retired) {} }
    }
}
