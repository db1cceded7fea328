#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's size, modification time (ns) and inode: while they are what they were when the
/// file was read, what was read from it stands, as git decides without reading the file.
public enum FileSignature {
    /// The signature as text, for keys written to disk.
    public static func of(_ path: String) -> String? { stamp(path)?.description }

    /// The signature as numbers, for comparing in memory without writing them out.
    public static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(
            size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino))
    }

    public struct Stamp: Equatable, Sendable, CustomStringConvertible {
        let size: Int
        let seconds: Int
        let nanoseconds: Int
        let inode: UInt64

        /// `size.seconds.nanoseconds.inode`, the form cache keys on disk hold.
        public var description: String {
            var out: [UInt8] = []
            out.reserveCapacity(48)
            NumberText.appendDecimal(size, to: &out)
            out.append(UInt8(ascii: "."))
            NumberText.appendDecimal(seconds, to: &out)
            out.append(UInt8(ascii: "."))
            NumberText.appendDecimal(nanoseconds, to: &out)
            out.append(UInt8(ascii: "."))
            NumberText.appendDecimal(inode, to: &out)
            return String(decoding: out, as: UTF8.self)
        }

        /// Whether `text` is this signature's `description`, read in place: a warm run asks it
        /// of every file, and writing each one out to compare cost more than the rest of its lookup.
        public func isDescribed(by text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            // Numbers of 19 digits at most add up without overflow; others are compared as text.
            guard size >= 0, seconds >= 0, nanoseconds >= 0, inode < 10_000_000_000_000_000_000 else {
                return text.elementsEqual(description.utf8)
            }
            let bytes = UnsafeBufferPointer(rebasing: text)
            var offset = 0
            // A number as `description` writes it: decimal digits, no sign, no leading zero,
            // then `terminator` (the end of the text when nil).
            func reads(_ expected: UInt64, endingWith terminator: UInt8?) -> Bool {
                let start = offset
                var value: UInt64 = 0
                while offset < bytes.count, offset - start < 19 {
                    let digit = bytes[offset] &- 0x30
                    guard digit < 10 else { break }
                    value = value &* 10 &+ UInt64(digit)
                    offset += 1
                }
                guard offset > start, bytes[start] != 0x30 || offset == start + 1, value == expected else {
                    return false
                }
                guard let terminator else { return offset == bytes.count }
                guard offset < bytes.count, bytes[offset] == terminator else { return false }
                offset += 1
                return true
            }
            let dot = UInt8(ascii: ".")
            return reads(UInt64(size), endingWith: dot) && reads(UInt64(seconds), endingWith: dot)
                && reads(UInt64(nanoseconds), endingWith: dot) && reads(inode, endingWith: nil)
        }
    }
}
