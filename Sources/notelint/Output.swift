import Foundation
import NoteLint

/// Buffered standard output: one write per report keeps output fast on large runs.
final class Output {
    private var buffer: [UInt8] = []
    private let descriptor: Int32

    init(descriptor: Int32 = 1) { self.descriptor = descriptor }

    /// An output to a new or truncated file; a failure to open it is a usage error (exit 2).
    static func file(path: String) throws -> Output {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw RunFailure("\(path): cannot write the report: \(String(cString: strerror(errno)))")
        }
        return Output(descriptor: descriptor)
    }

    func close() {
        flush()
        Foundation.close(descriptor)
    }

    func write(_ text: String) {
        buffer += text.utf8
        if buffer.count > 1 << 16 { flush() }
    }

    func line(_ text: String = "") { write(text + "\n") }

    func write(_ piece: ReportPiece) {
        buffer += piece.bytes
        if buffer.count > 1 << 16 { flush() }
    }

    func writeBytes(_ bytes: [UInt8]) {
        buffer += bytes
        flush()
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 {
                if errno == EINTR { continue }
                break
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    var isTerminal: Bool { isatty(descriptor) == 1 }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// ANSI styles, applied only when colour is on.
struct Style {
    let enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "1;31") }
    func yellow(_ text: String) -> String { wrap(text, "1;33") }
    func blue(_ text: String) -> String { wrap(text, "1;34") }
    func cyan(_ text: String) -> String { wrap(text, "36") }
    func green(_ text: String) -> String { wrap(text, "32") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `--color auto` colours a terminal unless NO_COLOR is set (and not empty) or TERM is dumb.
    static func decide(_ choice: ColorChoice, isTerminal: Bool, environment: [String: String]) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }
}

/// What stopped a command before it could do its work (exit status 2): a configuration
/// mistake, an unwritable report file. `main` prints each line as `notelint: LINE`.
struct RunFailure: Error {
    let lines: [String]

    init(_ line: String) { lines = [line] }
    init(_ error: ConfigurationError) { lines = error.lines }
}
