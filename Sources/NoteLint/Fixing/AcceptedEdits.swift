import NoteSyntax

/// The edits accepted so far in one pass, indexed so that checking a new edit against them
/// costs a binary search: a reading list of 100,000 entries offers 100,000 fixes.
/// Accepted replacements never overlap, so sorted by start they are sorted by end too.
struct AcceptedEdits {
    private(set) var edits: [TextEdit] = []
    /// For each edit, the index of the fix it belongs to.
    private var owners: [Int] = []
    private var replacements: [ByteRange] = []
    private var insertionPoints: [Int] = []
    private var present = Set<EditKey>()

    private struct EditKey: Hashable {
        let range: ByteRange
        let text: String
    }

    var isEmpty: Bool { edits.isEmpty }

    func contains(_ edit: TextEdit) -> Bool { present.contains(EditKey(range: edit.range, text: edit.newText)) }

    /// Overlapping ranges conflict, and so does an insertion at or inside a replaced range.
    /// Two insertions at one place do not: they go in in the order they were accepted, so that
    /// ten missing footnote definitions, all appended at the end, take one pass and not ten.
    func conflicts(_ edit: TextEdit) -> Bool {
        let range = edit.range
        if range.isEmpty {
            // A replacement that starts at or before the point and ends after it.
            let index = Self.lastIndex(in: replacements, startingAtOrBefore: range.start)
            return index.map { replacements[$0].end > range.start } ?? false
        }
        if let index = Self.lastIndex(in: replacements, startingAtOrBefore: range.end - 1), replacements[index].end > range.start {
            return true
        }
        // An insertion point in [start, end).
        let point = Self.firstIndex(in: insertionPoints, atOrAfter: range.start)
        return point < insertionPoints.count && insertionPoints[point] < range.end
    }

    mutating func insert(_ edit: TextEdit, owner: Int) {
        edits.append(edit)
        owners.append(owner)
        present.insert(EditKey(range: edit.range, text: edit.newText))
        if edit.range.isEmpty {
            let index = Self.firstIndex(in: insertionPoints, atOrAfter: edit.range.start)
            if index == insertionPoints.count || insertionPoints[index] != edit.range.start {
                insertionPoints.insert(edit.range.start, at: index)
            }
        } else {
            let index = (Self.lastIndex(in: replacements, startingAtOrBefore: edit.range.start) ?? -1) + 1
            replacements.insert(edit.range, at: index)
        }
    }

    /// The accepted edits by position, with the fix each belongs to; insertions at one place
    /// in the order accepted.
    var sorted: [(edit: TextEdit, owner: Int)] {
        edits.indices.sorted { (edits[$0].range, $0) < (edits[$1].range, $1) }.map { (edits[$0], owners[$0]) }
    }

    private static func lastIndex(in ranges: [ByteRange], startingAtOrBefore offset: Int) -> Int? {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].start <= offset { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }

    private static func firstIndex(in points: [Int], atOrAfter offset: Int) -> Int {
        var low = 0
        var high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
