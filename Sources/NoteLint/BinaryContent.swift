import NoteSyntax

/// Why a file is taken for binary (or text in another encoding) rather than a note: what the
/// first 8 KB hold, judged as git and ripgrep judge text, but tolerant of a few stray bytes.
/// A file whose first 8 KB are more than a tenth NUL bytes, bytes that are not UTF-8 and
/// control characters is not a note: `file-encoding` reports it once and no rule reads it.
/// A note with a few bad bytes stays a note, and so does valid UTF-8 without a NUL.
public struct BinaryContent: Sendable, Equatable {
    public static let window = 8 * 1024

    /// Bytes looked at: the window, or the whole file when it is shorter.
    public let examined: Int
    public let nulBytes: Int
    public let invalidUTF8Bytes: Int
    public let controlBytes: Int
    /// The first byte that counted against the file.
    public let firstOffending: ByteRange

    /// The evidence that `source` is not text, or nil when it is.
    public static func detect(_ source: SourceText) -> BinaryContent? {
        let examined = min(source.count, window)
        var nul = 0
        var invalid = 0
        var first: ByteRange?
        for problem in source.encodingProblems {
            guard problem.range.start < examined else { break }
            let inWindow = min(problem.range.end, examined) - problem.range.start
            switch problem.kind {
            case .nul: nul += inWindow
            case .invalidUTF8: invalid += inWindow
            }
            if first == nil { first = problem.range }
        }
        // Binary content holds NULs or bytes that are not UTF-8: a window without either is
        // text, whatever control characters it has (field-whitespace reports those in values).
        guard first != nil else { return nil }
        let (control, firstControl) = source.bytes.withUnsafeBufferPointer { bytes -> (Int, Int?) in
            var count = 0
            var firstAt: Int?
            var offset = 0
            let raw = UnsafeRawBufferPointer(bytes)
            while offset < examined {
                // Eight bytes at a time: a word with no byte below 0x20 and no DEL holds no control.
                if offset + 8 <= examined && !mayHoldControl(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) {
                    offset += 8
                    continue
                }
                let end = min(offset + 8, examined)
                while offset < end {
                    if isSuspectControl(bytes[offset]) {
                        count += 1
                        if firstAt == nil { firstAt = offset }
                    }
                    offset += 1
                }
            }
            return (count, firstAt)
        }
        if let offset = firstControl, first.map({ offset < $0.start }) ?? true { first = ByteRange(offset, offset + 1) }
        guard let first, (nul + invalid + control) * 10 > examined else { return nil }
        return BinaryContent(examined: examined, nulBytes: nul, invalidUTF8Bytes: invalid, controlBytes: control, firstOffending: first)
    }

    /// Whether a word of eight bytes may hold a byte below 0x20 or a DEL (0x7F).
    private static func mayHoldControl(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs
        let del = word ^ (ones &* 0x7F)
        return below != 0 || ((del &- ones) & ~del & highs) != 0
    }

    /// Control characters text does not hold. Tab, line breaks, form feed and ESC (colour
    /// codes in saved terminal output) are text; NUL is counted as a problem of the encoding.
    private static func isSuspectControl(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B: return false
        case 0x01...0x1F, 0x7F: return true
        default: return false
        }
    }

    /// "binary file: 312 NUL bytes in the first 8 KB; not linted"
    public var message: String {
        let kind = nulBytes > 0 || controlBytes > invalidUTF8Bytes ? "binary file" : "not UTF-8 text (binary, or another encoding)"
        let seen = [
            nulBytes > 0 ? Self.count(nulBytes, "NUL byte") : nil,
            invalidUTF8Bytes > 0 ? Self.count(invalidUTF8Bytes, "byte") + " that \(invalidUTF8Bytes == 1 ? "is" : "are") not UTF-8" : nil,
            controlBytes > 0 ? Self.count(controlBytes, "control character") : nil,
        ].compactMap { $0 }
        let listed = seen.count > 1 ? seen.dropLast().joined(separator: ", ") + " and " + seen.last! : seen[0]
        let place = examined == Self.window ? "in the first 8 KB" : "in its \(Self.count(examined, "byte"))"
        return "\(kind): \(listed) \(place); not linted"
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
