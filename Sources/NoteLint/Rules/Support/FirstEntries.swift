/// The first entry of each key within its section, for `entry-duplicate`: a key with a digest
/// (`KeyDigest`: an ASCII key) is found by its digest and section in an open-addressed table
/// of integers, with no hashing of a string; the others by their section and text, in a
/// `[String: Int]`, which the runtime has ready (a dictionary of another key type, `[Int: Int]`
/// included, costs a one-note run a third of a million instructions to set up).
struct FirstEntries {
    /// Which of an entry's keys: `EntryFacts.linkKey` or `titleKey`.
    enum Key {
        case link
        case title

        func text(of facts: EntryFacts) -> String? { self == .link ? facts.linkKey : facts.titleKey }
        func digest(of facts: EntryFacts) -> UInt64? { self == .link ? facts.linkDigest : facts.titleDigest }
        func isHeld(by facts: EntryFacts) -> Bool { self == .link ? facts.hasLinkKey : facts.hasTitleKey }
    }

    private let key: Key
    private let slot: (UInt64, Int?) -> Int
    /// The open-addressed table: each used place holds a slot and its first entry's index + 1
    /// (0: free). Twice as many places as entries, so probes stay short.
    private var slots: [Int]
    private var firsts: [Int]
    private var byText: [String: Int] = [:]

    /// `slot` places a digest and a section in the table (tests give one that collides).
    init(_ key: Key, capacity: Int, slot: @escaping (UInt64, Int?) -> Int = FirstEntries.slot) {
        self.key = key
        self.slot = slot
        var places = 16
        while places < 2 * capacity { places *= 2 }
        slots = [Int](repeating: 0, count: places)
        firsts = [Int](repeating: 0, count: places)
    }

    /// The digest with the section mixed in by a multiply that spreads it over every bit.
    static func slot(_ digest: UInt64, _ section: Int?) -> Int {
        Int(truncatingIfNeeded: digest ^ (UInt64(bitPattern: Int64(section ?? -1)) &* 0x9E37_79B9_7F4A_7C15))
    }

    /// The first entry before `index` in its section (the front matter's excepted, which the
    /// rule never stores) whose key is `index`'s, or nil after storing `index` as the first of
    /// its key; nil also when `index` has no key.
    mutating func first(_ index: Int, of entries: [EntryFacts], sections: [Int?]) -> Int? {
        guard key.isHeld(by: entries[index]) else { return nil }
        let section = sections[index]
        guard let digest = key.digest(of: entries[index]) else {
            let text = key.text(of: entries[index]) ?? ""
            return Self.first(section.map { "\($0)\u{1F}" + text } ?? text, in: &byText, orStoring: index)
        }
        guard let stored = first(slot(digest, section), orStoring: index) else { return nil }
        // Keys are written only here, where digests meet.
        let text = key.text(of: entries[index])
        if key.text(of: entries[stored]) == text && sections[stored] == section { return stored }
        // Another key with the same slot: the earlier entries are compared one by one.
        return entries.indices[..<index].first {
            entries[$0].entry.shape != .frontMatter && key.text(of: entries[$0]) == text && sections[$0] == section
        }
    }

    /// The index stored under `slot` in the open-addressed table, or nil after storing `index`
    /// there. The slot is already a well-spread digest: its low bits pick the first place.
    private mutating func first(_ slot: Int, orStoring index: Int) -> Int? {
        let mask = slots.count - 1
        var place = slot & mask
        while firsts[place] != 0 {
            if slots[place] == slot { return firsts[place] - 1 }
            place = (place + 1) & mask
        }
        slots[place] = slot
        firsts[place] = index + 1
        return nil
    }

    /// The index stored under `key`, or nil after storing `index` there: the subscript with a
    /// default hashes the key and finds its bucket once for both.
    private static func first(_ key: String, in table: inout [String: Int], orStoring index: Int) -> Int? {
        func read(_ stored: inout Int) -> Int { stored }
        let stored = read(&table[key, default: index])
        return stored == index ? nil : stored
    }
}
