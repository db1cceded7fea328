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
    }
}
