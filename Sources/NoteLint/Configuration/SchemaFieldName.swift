import NoteSyntax

/// A schema's field name, lowered once, to find among an entry's keys: every entry of every
/// note asks for each kind's field. Compares as `Field.sameKey` does.
struct SchemaFieldName: Sendable {
    let name: String
    /// The name with its letters lowered, when it is all ASCII (nearly always); a name that is
    /// not compares through `Field.sameKey`.
    private let loweredASCII: [UInt8]?
    /// The lowered name in one word (`ShortKey`), when it is ASCII of 8 bytes or fewer.
    let short: ShortKey?

    init(_ name: String) {
        self.name = name
        loweredASCII = name.utf8.allSatisfy { $0 < 0x80 } ? name.utf8.map(ASCIIByte.lowercased) : nil
        var bytes = name
        short = bytes.withUTF8 { ShortKey($0) }
    }

    /// An ASCII key of at most 8 bytes, letters lowered, packed into one word with its length:
    /// two such keys are the same name exactly when their words are equal.
    struct ShortKey: Equatable, Sendable {
        let word: UInt64
        let count: Int

        @inline(__always)
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count <= 8 else { return nil }
            var word: UInt64 = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                word |= UInt64(ASCIIByte.lowercased(byte)) << (8 * UInt64(index))
            }
            (self.word, count) = (word, bytes.count)
        }
    }

    /// Whether `key` is this name, ignoring case.
    func matches(_ key: String) -> Bool {
        guard let loweredASCII else { return Field.sameKey(key, name) }
        // Another ASCII first letter (the usual miss) differs however the rest folds.
        if let first = key.utf8.first, first < 0x80, let nameFirst = loweredASCII.first, ASCIIByte.lowercased(first) != nameFirst {
            return false
        }
        var bytes = key
        return bytes.withUTF8 { matches(key, bytes: $0) }
    }

    /// `matches(key)`, given the key's bytes.
    @inline(__always)
    func matches(_ key: String, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let loweredASCII else { return Field.sameKey(key, name) }
        // Case folding outside ASCII is `Field.sameKey`'s to decide.
        guard bytes.count == loweredASCII.count else { return bytes.contains(where: { $0 >= 0x80 }) ? Field.sameKey(key, name) : false }
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 { return Field.sameKey(key, name) }
            if ASCIIByte.lowercased(byte) != loweredASCII[index] { return false }
        }
        return true
    }
}
