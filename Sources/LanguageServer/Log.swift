import Foundation

/// Logs to standard error (standard output carries the protocol only).
public enum Log {
    public enum Level: Int, Comparable, CaseIterable, Sendable {
        case error = 0
        case warning
        case info
        case debug

        public init?(name: String) {
            switch name.lowercased() {
            case "error": self = .error
            case "warning", "warn": self = .warning
            case "info": self = .info
            case "debug", "trace": self = .debug
            default: return nil
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    nonisolated(unsafe) public static var level: Level = .warning
    private static let lock = NSLock()

    public static func write(_ level: Level, _ message: @autoclosure () -> String) {
        guard level <= self.level else { return }
        let line = "notelint lsp [\(level)] \(message())\n"
        lock.lock()
        FileHandle.standardError.write(Data(line.utf8))
        lock.unlock()
    }

    public static func error(_ message: @autoclosure () -> String) { write(.error, message()) }
    public static func warning(_ message: @autoclosure () -> String) { write(.warning, message()) }
    public static func info(_ message: @autoclosure () -> String) { write(.info, message()) }
    public static func debug(_ message: @autoclosure () -> String) { write(.debug, message()) }
}
