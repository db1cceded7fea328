/// A half-open range of UTF-8 byte offsets into a note's text.
///
/// Offsets are kept in 32 bits, as cmark-gfm keeps them (it reads no text of 2 GB or more):
/// fields, footnotes and findings hold several ranges each, and a large note's are copied at
/// every keystroke.
public struct ByteRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    @usableFromInline var storedStart: Int32
    @usableFromInline var storedEnd: Int32

    @inlinable public var start: Int {
        get { Int(storedStart) }
        set { storedStart = Int32(newValue) }
    }

    @inlinable public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Int32(newValue) }
    }

    /// Inlinable: every module makes ranges in its scanning loops.
    @inlinable
    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "range start \(start) after end \(end)")
        storedStart = Int32(start)
        storedEnd = Int32(end)
    }

    public static func empty(at offset: Int) -> ByteRange { ByteRange(offset, offset) }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }

    public func overlaps(_ other: ByteRange) -> Bool {
        start < other.end && other.start < end
    }

    public func shifted(by delta: Int) -> ByteRange { ByteRange(start + delta, end + delta) }

    public static func < (lhs: ByteRange, rhs: ByteRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "\(start)..<\(end)" }
}
