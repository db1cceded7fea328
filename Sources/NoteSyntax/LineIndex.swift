/// Maps UTF-8 byte offsets to lines and columns, and back. Lines end at `\n`, `\r\n` or a lone
/// `\r`, as in CommonMark. Lines and columns here are 0-based; the CLI adds one when it prints.
public struct LineIndex: Sendable {
    /// Byte offset where each line starts.
    public let lineStarts: [Int]
    /// Byte offset where each line's content ends (before its terminator).
    private let contentEnds: [Int]
    /// Bytes of the text, kept to count columns; shared storage with `SourceText`.
    private let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        var ends: [Int] = []
        var offset = 0
        let count = bytes.count
        while offset < count {
            let byte = bytes[offset]
            if byte == 0x0A {
                ends.append(offset)
                starts.append(offset + 1)
            } else if byte == 0x0D {
                ends.append(offset)
                if offset + 1 < count && bytes[offset + 1] == 0x0A { offset += 1 }
                starts.append(offset + 1)
            }
            offset += 1
        }
        ends.append(count)
        self.lineStarts = starts
        self.contentEnds = ends
        self.bytes = bytes
    }

    public var lineCount: Int { lineStarts.count }

    public func contentRange(ofLine line: Int) -> ByteRange {
        ByteRange(lineStarts[line], contentEnds[line])
    }

    /// The range of a line including its terminator.
    public func fullRange(ofLine line: Int) -> ByteRange {
        ByteRange(lineStarts[line], line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count)
    }

    /// The line holding `offset`; an offset at the end of the text belongs to the last line.
    public func line(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    public enum Unit: Sendable {
        case utf8
        case utf16
        case unicodeScalar
    }

    public struct Position: Hashable, Sendable, Comparable {
        public let line: Int
        public let column: Int
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
        public static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.line, lhs.column) < (rhs.line, rhs.column)
        }
    }

    /// Line and column of `offset`, the column counted in `unit`. An offset inside a line
    /// terminator is clamped to the end of the line's content.
    public func position(of offset: Int, in unit: Unit) -> Position {
        let clamped = min(max(offset, 0), bytes.count)
        let line = line(containing: clamped)
        let start = lineStarts[line]
        let end = min(clamped, contentEnds[line])
        return Position(line: line, column: columns(from: start, to: end, in: unit))
    }

    /// The byte offset of a line and column counted in `unit`; columns past the line's end
    /// clamp to it, and lines past the end clamp to the end of the text.
    public func offset(of position: Position, in unit: Unit) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        let start = lineStarts[position.line]
        let end = contentEnds[position.line]
        if unit == .utf8 { return min(start + max(position.column, 0), end) }
        var offset = start
        var counted = 0
        while offset < end && counted < position.column {
            let length = scalarLength(at: offset)
            let width = unit == .utf16 ? (length == 4 ? 2 : 1) : 1
            if counted + width > position.column { break }
            counted += width
            offset += length
        }
        // A truncated sequence in bytes that were not sanitized must not carry past the line.
        return min(offset, end)
    }

    private func columns(from start: Int, to end: Int, in unit: Unit) -> Int {
        if unit == .utf8 { return end - start }
        var count = 0
        var offset = start
        while offset < end {
            let length = scalarLength(at: offset)
            count += (unit == .utf16 && length == 4) ? 2 : 1
            offset += length
        }
        return count
    }

    /// Length in bytes of the scalar that starts at `offset`; a stray continuation byte counts
    /// as one scalar so that counting never stalls on bytes that were not sanitized.
    private func scalarLength(at offset: Int) -> Int {
        let byte = bytes[offset]
        let length: Int
        switch byte {
        case 0..<0x80: length = 1
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF8: length = 4
        default: length = 1
        }
        return min(length, bytes.count - offset)
    }
}
