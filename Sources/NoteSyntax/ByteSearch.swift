#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// libc's `memchr` over a buffer's index range: scanners that look for one rare byte (`]`
/// before a link target, the `x` of `arxiv`) skip the bytes between at vector speed.
public enum ByteSearch {
    /// The index of the first `byte` in `bytes[start..<end]`, or nil.
    @inline(__always)
    public static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `bytes[start..<end]` holds `byte`.
    @inline(__always)
    public static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        first(byte, in: bytes, from: start, to: end) != nil
    }
}
