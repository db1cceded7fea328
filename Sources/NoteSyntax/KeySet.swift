/// A set of keys (footnote keys, front matter keys), searched in order while it is small: a
/// note has a handful of each, and hashing a key cost several times more than comparing it
/// with all of them.
public struct KeySet: Sendable {
    /// Beyond this many keys, they are hashed.
    public static let linearLimit = 16

    // Inlinable throughout: rules in other modules build these for every note.
    @usableFromInline var keys: [String]
    @usableFromInline var hashed: Set<String>?

    @inlinable public init() {
        keys = []
        hashed = nil
    }

    @inlinable public init(_ keys: some Sequence<String>) {
        self.keys = Array(keys)
        hashed = self.keys.count > Self.linearLimit ? Set(self.keys) : nil
    }

    @inlinable public var isEmpty: Bool { keys.isEmpty }

    @inlinable public func contains(_ key: String) -> Bool {
        if let hashed { return hashed.contains(key) }
        for index in keys.indices where keys[index] == key { return true }
        return false
    }

    /// Inserts `key`; false when it was already there.
    @inlinable @discardableResult
    public mutating func insert(_ key: String) -> Bool {
        guard !contains(key) else { return false }
        keys.append(key)
        if hashed != nil {
            hashed!.insert(key)
        } else if keys.count > Self.linearLimit {
            hashed = Set(keys)
        }
        return true
    }
}
