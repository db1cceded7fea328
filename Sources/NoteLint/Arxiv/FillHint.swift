import NoteSyntax

extension Linter {
    /// How many records of `result` `notelint fill` could complete: records with a usable arXiv
    /// identifier that have an empty or missing field reported. The command line prints a
    /// hint when there are any.
    public func fillableRecordCount(_ result: LintResult) -> Int {
        let completable = [EntryEmptyField.description.id, EntryMissingField.description.id]
        let incomplete = result.diagnostics.filter { completable.contains($0.ruleID) }
        guard !incomplete.isEmpty else { return 0 }
        let lines = incomplete.map { result.note.lineIndex.line(containing: $0.range.start) }
        return entryFacts(result.note).count { facts in
            facts.fillableIdentifier != nil && lines.contains { facts.entry.lines.contains($0) }
        }
    }
}
