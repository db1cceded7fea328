#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// libc's `memchr` over a buffer's index range: scanners that look for one rare byte (`]`
/// before a link target, the `x` of `arxiv`) skip the bytes between at vector speed.
public enum ByteSearch {
    /// The index of the first `byte` in `bytes[start..<end]`, or nil. Inlinable, so that the
    /// scanners of other modules call memchr directly.
    @inlinable @inline(__always)
    public static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `bytes[start..<end]` holds `byte`.
    @inlinable @inline(__always)
    public static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        first(byte, in: bytes, from: start, to: end) != nil
    }

    /// Whether `bytes[start..<end]` are exactly `text`'s UTF-8, compared by memcmp in the
    /// string's own storage: the generic `elementsEqual` costs tens of instructions a byte.
    public static func holds(_ text: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var text = text
        return text.withUTF8 { wanted in
            wanted.count == end - start && (wanted.isEmpty || memcmp(wanted.baseAddress!, bytes.baseAddress! + start, wanted.count) == 0)
        }
    }

    /// The index where `pattern` first starts in `bytes`, or nil; an empty pattern is at 0.
    public static func first(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let lead = pattern.first else { return 0 }
        var start = 0
        while let hit = first(lead, in: bytes, from: start, to: bytes.count - pattern.count + 1) {
            var matched = 1
            while matched < pattern.count && bytes[hit + matched] == pattern[matched] { matched += 1 }
            if matched == pattern.count { return hit }
            start = hit + 1
        }
        return nil
    }
}

extension ByteSearch {
    /// The end of the run of ASCII bytes other than NUL that starts at `start`, read eight
    /// bytes at a time: nearly all of a note, which sanitising and line splitting then skip.
    @inline(__always)
    public static func endOfPlainASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var offset = start
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        while offset + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            // A byte of 0x80 or above, or a zero byte (the classic has-zero-byte test).
            if word & highBits != 0 || (word &- ones) & ~word & highBits != 0 { break }
            offset += 8
        }
        while offset < bytes.count && bytes[offset] != 0 && bytes[offset] < 0x80 { offset += 1 }
        return offset
    }
}
