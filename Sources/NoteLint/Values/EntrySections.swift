import NoteSyntax

/// The heading each entry is filed under. A reading list sorted by topic lists a paper under
/// every topic it belongs to; the same paper twice under one heading is pasted twice.
enum EntrySections {
    /// For each entry, in order, the line of the nearest heading above it (for a heading-titled
    /// entry, the nearest one of a higher rank than its own); nil above the first heading.
    static func sections(of entries: [EntryFacts], in note: Note) -> [Int?] {
        var headings: [(line: Int, level: Int)] = []
        for block in note.blocks {
            if case .heading(let level) = block.kind { headings.append((block.startLine, Int(level))) }
        }
        // The headings enclosing the current position, outermost first.
        var enclosing: [(line: Int, level: Int)] = []
        var next = 0
        return entries.map { facts in
            let entry = facts.entry
            let ownHeading = entry.shape == .heading ? entry.fields.first(where: { $0.origin == .heading })?.line : nil
            let start = ownHeading ?? entry.lines.lowerBound
            while next < headings.count && headings[next].line < start {
                let heading = headings[next]
                while let last = enclosing.last, last.level >= heading.level { enclosing.removeLast() }
                enclosing.append(heading)
                next += 1
            }
            guard let ownHeading, let own = headings.first(where: { $0.line == ownHeading }) else { return enclosing.last?.line }
            return enclosing.last(where: { $0.level < own.level })?.line
        }
    }
}
