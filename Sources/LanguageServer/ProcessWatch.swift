import Dispatch
import Foundation

/// Calls `gone` once, from a timer, when the process `pid` no longer exists.
final class ProcessWatch {
    static let interval = DispatchTimeInterval.seconds(3)
    private let timer: DispatchSourceTimer

    init(pid: Int32, gone: @escaping @Sendable () -> Void) {
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + Self.interval, repeating: Self.interval)
        timer.setEventHandler { [timer] in
            guard !Self.exists(pid) else { return }
            timer.cancel()
            gone()
        }
        timer.resume()
    }

    deinit { timer.cancel() }

    /// Signal 0 checks for the process without touching it; EPERM means it exists but
    /// belongs to someone else.
    static func exists(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
