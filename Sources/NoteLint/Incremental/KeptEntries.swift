import NoteSyntax

extension EditRegion {
    /// Whether the region's entries after the edit (`new`) are the ones it held before (`old`),
    /// each the same fields in the same places, moved by the edit when it lies after it.
    func keepsEntries(old: ArraySlice<EntryFacts>, new: [EntryFacts]) -> Bool {
        guard old.count == new.count else { return false }
        return zip(old, new).allSatisfy { old, new in
            let (before, after) = (old.entry, new.entry)
            let moves = before.range.start >= edit.range.end
            let (bytes, lines) = moves ? (byteDelta, lineDelta) : (0, 0)
            return before.shape == after.shape && before.range.shifted(by: bytes) == after.range
                && before.lines.lowerBound + lines == after.lines.lowerBound && before.lines.upperBound + lines == after.lines.upperBound
                && before.fields.count == after.fields.count
                && zip(before.fields, after.fields).allSatisfy { $0.moved(bytes: bytes, lines: lines) == $1 }
        }
    }

    /// Whether a heading starts on the region's lines, before the edit or after it.
    func holdsHeading(old: Note, new: Note) -> Bool {
        old.hasHeading(startingOn: oldLines) || new.hasHeading(startingOn: lines)
    }

    /// Whether a rule of `RuleScope.note` that reads what `dependence` says finds after the
    /// edit what it found before, given whether the region's entries were kept.
    func keepsFindings(of dependence: EntryDependence, entriesKept: Bool, headingsKept: () -> Bool) -> Bool {
        entriesKept && (!dependence.contains(.lineNumbers) || lineDelta == 0) && (!dependence.contains(.headings) || headingsKept())
    }
}
