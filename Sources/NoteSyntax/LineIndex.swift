import Synchronization

/// Maps UTF-8 byte offsets to lines and columns, and back. Lines end at `\n`, `\r\n` or a lone
/// `\r`, as in CommonMark. Lines and columns here are 0-based; the CLI adds one when it prints.
public struct LineIndex: Sendable {
    /// Byte offset where each line starts.
    public let lineStarts: [Int]
    /// Byte offset where each line's content ends (before its terminator).
    @usableFromInline let contentEnds: [Int]
    /// Bytes of the text, kept to count columns; shared storage with `SourceText`.
    private let bytes: [UInt8]
    /// For text that is not all ASCII: how many scalars, and UTF-16 units, start before each
    /// 64-byte block, so that a column on a 10 MB line costs at most 64 bytes of counting,
    /// not the whole line (a finding per reference on one long line was quadratic). Counted
    /// when a column is first asked: most notes a check reads have no finding.
    private let blockCounts: BlockCounts?
    static let blockShift = 6

    public init(_ bytes: [UInt8]) {
        let isASCII = bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while true {
                offset = ByteSearch.endOfPlainASCII(in: buffer, from: offset)
                // NUL is ASCII too: step over it.
                guard offset < buffer.count, buffer[offset] == 0 else { return offset == buffer.count }
                offset += 1
            }
        }
        self.init(bytes, isASCII: isASCII)
    }

    /// The index of ASCII text whose lines are already known.
    init(lineStarts: [Int], contentEnds: [Int], bytes: [UInt8]) {
        self.lineStarts = lineStarts
        self.contentEnds = contentEnds
        self.bytes = bytes
        self.blockCounts = nil
    }

    /// Whether every byte of the text is below 0x80 (a column is then a byte count).
    var isASCII: Bool { blockCounts == nil }

    /// `isASCII` says whether every byte is below 0x80, as the caller already knows.
    init(_ bytes: [UInt8], isASCII ascii: Bool) {
        let count = bytes.count
        let (starts, ends) = bytes.withUnsafeBufferPointer { buffer -> ([Int], [Int]) in
            // Room for lines of 32 bytes on average, so that few notes grow the arrays.
            var starts = [0]
            var ends: [Int] = []
            starts.reserveCapacity(count / 32 + 8)
            ends.reserveCapacity(count / 32 + 8)
            if !ByteSearch.contains(0x0D, in: buffer, from: 0, to: count) {
                var offset = 0
                while let newline = ByteSearch.first(0x0A, in: buffer, from: offset, to: count) {
                    ends.append(newline)
                    offset = newline + 1
                    starts.append(offset)
                }
                ends.append(count)
                return (starts, ends)
            }
            var offset = 0
            while offset < count {
                let byte = buffer[offset]
                if byte == 0x0A {
                    ends.append(offset)
                    starts.append(offset + 1)
                } else if byte == 0x0D {
                    ends.append(offset)
                    if offset + 1 < count && buffer[offset + 1] == 0x0A { offset += 1 }
                    starts.append(offset + 1)
                }
                offset += 1
            }
            ends.append(count)
            return (starts, ends)
        }
        self.lineStarts = starts
        self.contentEnds = ends
        self.bytes = bytes
        self.blockCounts = ascii ? nil : BlockCounts(bytes)
    }

    /// Scalars, and UTF-16 units, that start before each 64-byte block (and before the end, when
    /// it ends a block). A scalar starts at every byte that is not a continuation byte, and takes
    /// two units when that byte is 0xF0 or above. Counted eight bytes at a time, ASCII words at
    /// once: byte by byte this was a tenth of a documentation tree's instructions.
    static func countsBeforeBlocks(_ bytes: UnsafeBufferPointer<UInt8>) -> (scalars: [Int], units: [Int]) {
        let count = bytes.count
        let blockSize = 1 << blockShift
        var scalars: [Int] = []
        var units: [Int] = []
        scalars.reserveCapacity((count >> blockShift) + 1)
        units.reserveCapacity((count >> blockShift) + 1)
        var scalarCount = 0
        var unitCount = 0
        var start = 0
        let highBits: UInt64 = 0x8080_8080_8080_8080
        while start < count, let base = bytes.baseAddress {
            scalars.append(scalarCount)
            units.append(unitCount)
            let end = min(start + blockSize, count)
            var index = start
            while index + 8 <= end {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & highBits == 0 {
                    scalarCount += 8
                    unitCount += 8
                } else {
                    // Per byte, bit 7 set and bit 6 clear: a continuation byte; bits 7 to 4 set: 0xF0 or above.
                    let continuations = (word & ~(word << 1) & highBits).nonzeroBitCount
                    let fourByteStarts = (word & (word << 1) & (word << 2) & (word << 3) & highBits).nonzeroBitCount
                    scalarCount += 8 - continuations
                    unitCount += 8 - continuations + fourByteStarts
                }
                index += 8
            }
            while index < end {
                let byte = bytes[index]
                if byte & 0xC0 != 0x80 {
                    scalarCount += 1
                    unitCount += 1
                }
                if byte >= 0xF0 { unitCount += 1 }
                index += 1
            }
            start = end
        }
        if count & (blockSize - 1) == 0 {
            scalars.append(scalarCount)
            units.append(unitCount)
        }
        return (scalars, units)
    }

    /// Scalars (or UTF-16 units) that start before `offset`. The text is valid UTF-8 (it is
    /// `SourceText`'s sanitized bytes), so a scalar starts at every byte that is not a
    /// continuation byte, and takes two UTF-16 units when its first byte is 0xF0 or above.
    private func unitsBefore(_ offset: Int, _ unit: Unit) -> Int {
        guard unit != .utf8, let blockCounts else { return offset }
        let block = offset >> Self.blockShift
        let counts = blockCounts.counts
        var count = unit == .utf16 ? counts.units[block] : counts.scalars[block]
        var index = block << Self.blockShift
        while index < offset {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { count += 1 }
            if unit == .utf16 && byte >= 0xF0 { count += 1 }
            index += 1
        }
        return count
    }

    public var lineCount: Int { lineStarts.count }

    /// Inlinable: every scanner of every module asks it for every line.
    @inlinable
    public func contentRange(ofLine line: Int) -> ByteRange {
        ByteRange(lineStarts[line], contentEnds[line])
    }

    /// The range of a line including its terminator.
    public func fullRange(ofLine line: Int) -> ByteRange {
        ByteRange(lineStarts[line], line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count)
    }

    /// The line holding `offset`; an offset at the end of the text belongs to the last line.
    public func line(containing offset: Int) -> Int {
        // Through the buffer: the array's own subscript checks its bounds at every step.
        lineStarts.withUnsafeBufferPointer { starts in
            var low = 0
            var high = starts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            return low
        }
    }

    /// `line(containing:)` for an offset at or after the start of line `from`, by galloping
    /// down from it: scanners that walk a note front to back find the next line a few lines on,
    /// where a search over the whole note takes every halving step.
    public func line(containing offset: Int, from: Int) -> Int {
        lineStarts.withUnsafeBufferPointer { starts in
            var low = from
            guard low + 1 < starts.count, starts[low + 1] <= offset else { return low }
            // Now starts[low] <= offset: double the step until a start lies past the offset.
            var step = 1
            var high = low + 1
            while high < starts.count && starts[high] <= offset {
                low = high
                step *= 2
                high = low + step
            }
            high = min(high, starts.count) - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            return low
        }
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
        if unit == .utf8 || isASCII { return min(start + max(position.column, 0), end) }
        var offset = start
        var counted = 0
        // Skip whole blocks that end before the column, then count scalar by scalar.
        let base = unitsBefore(start, unit)
        var low = (start >> Self.blockShift) + 1
        var high = end >> Self.blockShift
        while low <= high {
            let middle = (low + high) / 2
            if unitsBefore(middle << Self.blockShift, unit) - base <= position.column {
                offset = middle << Self.blockShift
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        while offset > start && offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
        counted = unitsBefore(offset, unit) - base
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
        unitsBefore(end, unit) - unitsBefore(start, unit)
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

/// `LineIndex.countsBeforeBlocks` of a text, counted by the first reader that needs them
/// (readers may be on several threads).
private final class BlockCounts: Sendable {
    private let bytes: [UInt8]
    private let counted = Mutex<(scalars: [Int], units: [Int])?>(nil)

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var counts: (scalars: [Int], units: [Int]) {
        counted.withLock { counted in
            if let counted { return counted }
            let counts = bytes.withUnsafeBufferPointer(LineIndex.countsBeforeBlocks)
            counted = counts
            return counts
        }
    }
}
