/// A rule of `RuleScope.note` whose findings read entries through keys each entry has (a
/// duplicate is an entry whose key an earlier one has): it can tell, from the entries an edit
/// changed, that its findings are the old ones although those entries changed.
protocol KeepsFindingsAcrossEntryEdits {
    /// Whether the findings are the old ones, moved: `old` are the region's entries before the
    /// edit, `new` after it, and `all` every entry after it.
    static func keepsFindings(changing old: ArraySlice<EntryFacts>, into new: ArraySlice<EntryFacts>, among all: [EntryFacts]) -> Bool
}

extension EntryDuplicate: KeepsFindingsAcrossEntryEdits {
    /// Typing in a record changes its keys: when none of them, before or after, is another
    /// entry's, and the region's entries share none among themselves, the edit neither made
    /// nor unmade a duplicate, and every finding is outside the region, as it was. The other
    /// entries' keys are compared by their digests (`KeyDigest`): comparing or hashing every
    /// key of the note again is what the rule itself costs.
    static func keepsFindings(changing old: ArraySlice<EntryFacts>, into new: ArraySlice<EntryFacts>, among all: [EntryFacts]) -> Bool {
        var changed: [String] = []
        var digests: [UInt64] = []
        for side in [old, new] {
            var keys: [String] = []
            for facts in side {
                for (key, digest) in [(facts.linkKey, facts.linkDigest), (facts.titleKey, facts.titleDigest)] {
                    guard let key else { continue }
                    // A changed key of other characters than ASCII could be another's in any bytes.
                    guard let digest else { return false }
                    keys.append(key)
                    digests.append(digest)
                }
            }
            // Link and title keys are compared apart by the rule; a title equal to a link only
            // makes this check stricter.
            guard Set(keys).count == keys.count else { return false }
            changed += keys
        }
        guard !changed.isEmpty else { return true }
        for index in all.indices where !new.indices.contains(index) {
            let facts = all[index]
            // A key of other characters than ASCII has no digest: compared as a string.
            if let digest = facts.linkDigest {
                if digests.contains(digest) { return false }
            } else if let key = facts.linkKey, changed.contains(key) {
                return false
            }
            if let digest = facts.titleDigest {
                if digests.contains(digest) { return false }
            } else if let key = facts.titleKey, changed.contains(key) {
                return false
            }
        }
        return true
    }
}
