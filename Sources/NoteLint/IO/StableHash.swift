/// A fast, stable hash written as 32 hex digits (leading zeros kept): for cache keys, not for
/// security. Swift's own Hasher is seeded per process, so it cannot key a file on disk. Four
/// lanes of 64 bits take a word each per 32 bytes (multiply, rotate, multiply, as xxHash's
/// rounds do), so a cold run hashes every note at well under an instruction a byte; two
/// avalanched digests of the lanes make the output.
public enum StableHash {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = lane &+ word &* prime2
        return (mixed << 31 | mixed >> 33) &* prime1
    }

    @inline(__always)
    private static func avalanche(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value = value &* prime2
        value ^= value >> 29
        value = value &* prime3
        return value ^ (value >> 32)
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
        var tail: (UInt64, UInt64) = (UInt64(bytes.count), prime3)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset + 32 <= buffer.count {
                lanes.0 = round(lanes.0, buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                lanes.1 = round(lanes.1, buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                lanes.2 = round(lanes.2, buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                lanes.3 = round(lanes.3, buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            while offset + 8 <= buffer.count {
                tail.0 = round(tail.0, buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var last: UInt64 = 0
            for index in offset..<buffer.count { last = last << 8 | UInt64(buffer[index]) }
            tail.1 = round(tail.1, last &+ UInt64(buffer.count - offset))
        }
        let merged = round(round(round(round(tail.0, lanes.0), lanes.1), lanes.2), lanes.3)
        let a = avalanche(round(merged, tail.1))
        let b = avalanche(round(round(tail.1, lanes.3 ^ lanes.1), lanes.2 ^ lanes.0) ^ merged)
        // Sixteen digits each, leading zeros kept, so that no two pairs read the same.
        var out: [UInt8] = []
        out.reserveCapacity(32)
        NumberText.appendHex(a, minimumDigits: 16, to: &out)
        NumberText.appendHex(b, minimumDigits: 16, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
