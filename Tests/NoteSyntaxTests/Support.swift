import Testing
@testable import NoteSyntax

/// SplitMix64: a small deterministic generator, so random tests replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Note {
    init(bytes: [UInt8]) { self.init(source: SourceText(bytes: bytes)) }

    /// The byte offset of the first occurrence of `needle` at or after `from`.
    func offset(of needle: String, from: Int = 0) -> Int {
        let bytes = source.bytes
        let pattern = Array(needle.utf8)
        var index = from
        while index + pattern.count <= bytes.count {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        Issue.record("\(needle.debugDescription) not found")
        return -1
    }

    func text(_ range: ByteRange) -> String { source.string(range) }
}
