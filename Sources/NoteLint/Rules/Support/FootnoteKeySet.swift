/// A set of footnote keys, searched in order while it is small: a note has a handful of
/// footnotes, and hashing a key cost several times more than comparing it with all of them.
struct FootnoteKeySet {
    /// Beyond this many keys, they are hashed.
    static let linearLimit = 16

    private var keys: [String]
    private var hashed: Set<String>?

    init(_ keys: some Sequence<String>) {
        self.keys = Array(keys)
        hashed = self.keys.count > Self.linearLimit ? Set(self.keys) : nil
    }

    var isEmpty: Bool { keys.isEmpty }

    func contains(_ key: String) -> Bool {
        if let hashed { return hashed.contains(key) }
        for index in keys.indices where keys[index] == key { return true }
        return false
    }

    mutating func insert(_ key: String) {
        guard !contains(key) else { return }
        keys.append(key)
        if hashed != nil {
            hashed!.insert(key)
        } else if keys.count > Self.linearLimit {
            hashed = Set(keys)
        }
    }
}
