import Dispatch
import Foundation

/// A value computed on a thread of its own while the caller goes on; `value` waits for it.
/// A warm run reads its result cache this way while git lists the files.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once, by the thread, before `done` is signalled; read only after.
    private var result: Value?

    init(_ compute: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            result = compute()
            done.signal()
        }
    }

    var value: Value {
        done.wait()
        defer { done.signal() }
        return result!
    }
}
