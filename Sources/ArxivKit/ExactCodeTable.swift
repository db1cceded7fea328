/// Indexes of short ASCII codes (arXiv categories), found by their exact bytes in an
/// open-addressed table of FNV-1a digests: every subject of every entry is looked up, and
/// hashing a String with Swift's seeded hasher cost about 500 instructions a lookup. The first
/// of two equal codes wins, as a dictionary built with `uniquingKeysWith: first` keeps it.
struct ExactCodeTable: Sendable {
    /// Per slot, the index of a code, or -1.
    private let slots: [Int32]
    private let mask: Int
    /// The codes' bytes one after another; code `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]

    init(codes: [String]) {
        var bytes: [UInt8] = []
        var starts = [0]
        for code in codes {
            bytes.append(contentsOf: code.utf8)
            starts.append(bytes.count)
        }
        var size = 16
        while size < codes.count * 4 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for index in codes.indices {
            let code = bytes[starts[index]..<starts[index + 1]]
            var slot = Int(truncatingIfNeeded: Self.digest(code)) & (size - 1)
            while slots[slot] >= 0 && !bytes[starts[Int(slots[slot])]..<starts[Int(slots[slot]) + 1]].elementsEqual(code) {
                slot = (slot + 1) & (size - 1)
            }
            if slots[slot] < 0 { slots[slot] = Int32(index) }
        }
        self.slots = slots
        mask = size - 1
        self.bytes = bytes
        self.starts = starts
    }

    func index(of code: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { stored in
            var slot = Int(truncatingIfNeeded: Self.digest(code)) & mask
            while true {
                let candidate = Int(slots[slot])
                guard candidate >= 0 else { return nil }
                let start = starts[candidate]
                if starts[candidate + 1] - start == code.count {
                    var index = 0
                    while index < code.count && stored[start + index] == code[index] { index += 1 }
                    if index == code.count { return candidate }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    private static func digest<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }
}
