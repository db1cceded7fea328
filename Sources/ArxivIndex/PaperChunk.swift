/// The papers of one chunk of 65,536 consecutive rowids (`chunk = rowid >> 16`) that hold a
/// word or a prefix, one bit each (the low 16 bits of the rowid). Stored (`DensePapers`) as
/// the steps from one paper to the next, most of them a byte, or as the 8,192-byte bitmap
/// when the steps would take as much.
struct PaperChunk {
    static let shift = 16
    static let papers = 1 << shift
    static let wordCount = papers / 64
    static let bitmapBytes = papers / 8

    var words: [UInt64]

    init() { words = [UInt64](repeating: 0, count: Self.wordCount) }

    static func chunk(of rowid: Int) -> Int { rowid >> shift }

    var isEmpty: Bool { !words.contains { $0 != 0 } }
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    mutating func clear() {
        for index in words.indices { words[index] = 0 }
    }

    mutating func insert(_ rowid: Int) {
        let bit = rowid & (Self.papers - 1)
        words[bit >> 6] |= 1 &<< UInt64(bit & 63)
    }

    func contains(_ rowid: Int) -> Bool {
        let bit = rowid & (Self.papers - 1)
        return words[bit >> 6] & (1 &<< UInt64(bit & 63)) != 0
    }

    /// Adds the papers of a stored chunk.
    mutating func formUnion(stored bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        words.withUnsafeMutableBufferPointer { words in
            guard let target = words.baseAddress else { return }
            if bytes.count == Self.bitmapBytes {
                for index in 0..<Self.wordCount {
                    target[index] |= UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self))
                }
                return
            }
            let steps = base.assumingMemoryBound(to: UInt8.self)
            let end = bytes.count
            var bit = -1
            var offset = 0
            while offset < end {
                let step = steps[offset]
                if step != 0 {
                    bit &+= Int(step)
                    offset &+= 1
                } else {
                    guard offset + 2 < end else { return }
                    bit = Int(steps[offset + 1]) | Int(steps[offset + 2]) << 8
                    offset &+= 3
                }
                target[(bit &>> 6) & (Self.wordCount - 1)] |= 1 &<< UInt64(bit & 63)
            }
        }
    }

    mutating func formIntersection(_ other: PaperChunk) {
        other.words.withUnsafeBufferPointer { other in
            words.withUnsafeMutableBufferPointer { words in
                for index in 0..<Self.wordCount { words[index] &= other[index] }
            }
        }
    }

    /// The stored form: each bit's distance from the one before (the first's from -1) in a
    /// byte, or a zero byte and the bit's number in two bytes when it is 256 or more; the
    /// bitmap itself once that is no larger.
    var stored: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Self.bitmapBytes + 3)
        let length = words.withUnsafeBufferPointer { words in
            bytes.withUnsafeMutableBufferPointer { bytes -> Int in
                var length = 0
                var previous = -1
                for (index, word) in words.enumerated() {
                    var rest = word
                    while rest != 0 {
                        let bit = index << 6 | rest.trailingZeroBitCount
                        rest &= rest &- 1
                        let step = bit - previous
                        previous = bit
                        if step < 256 {
                            bytes[length] = UInt8(step)
                            length += 1
                        } else {
                            bytes[length + 1] = UInt8(bit & 0xFF)
                            bytes[length + 2] = UInt8(bit >> 8)
                            length += 3
                        }
                        if length >= Self.bitmapBytes { return -1 }
                    }
                }
                return length
            }
        }
        guard length < 0 else { return Array(bytes.prefix(length)) }
        var bitmap: [UInt8] = []
        bitmap.reserveCapacity(Self.bitmapBytes)
        for word in words { withUnsafeBytes(of: word.littleEndian) { bitmap.append(contentsOf: $0) } }
        return bitmap
    }

    /// The bits set, lowest first (the low 16 bits of each rowid).
    func forEach(_ body: (Int) -> Void) {
        for (index, word) in words.enumerated() {
            var rest = word
            while rest != 0 {
                body(index << 6 | rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
    }

    /// The bits set, highest (newest) first, until `body` returns false; false when it did.
    func forEachDescending(_ body: (Int) throws -> Bool) rethrows -> Bool {
        for index in stride(from: Self.wordCount - 1, through: 0, by: -1) {
            var rest = words[index]
            while rest != 0 {
                let bit = 63 - rest.leadingZeroBitCount
                guard try body(index << 6 | bit) else { return false }
                rest &= ~(1 &<< UInt64(bit))
            }
        }
        return true
    }
}
