import ArxivKit
import NoteSyntax

extension Linter {
    /// The entries' facts and each rule's findings on `note`, from the lint of the version one
    /// edit before: facts above the edited region are kept, those below moved, those in it read
    /// again; rules of `RuleScope.lines` check only the region and keep their other findings
    /// (moved), rules of `RuleScope.note` check the whole note, unless they read only entries
    /// (`Rule.entryDependence`) or only footnotes (`Rule.footnoteDependence`) and the edit kept
    /// those (then their findings are moved). Nil when the lint must start
    /// afresh: another configuration, path or template status, or notes that do not line up.
    func incrementalFindings(
        of running: [ConfiguredRule], on note: Note, since base: LintBase, isTemplate: Bool, arxiv: (any ArxivMetadataSource)?,
        path: String?
    ) -> (entries: [EntryFacts], findings: [[Diagnostic]], readings: [Int?])? {
        let memory = base.memory
        guard memory.linterKey == fingerprint, memory.path == path, memory.isTemplate == isTemplate,
            memory.findings.count == running.count, memory.readings.count == running.count,
            memory.facts.count == memory.note.entries.count,
            let region = EditRegion(old: memory.note, new: note, edit: base.edit, reparsedLines: base.reparsedLines)
        else { return nil }
        let entries = note.entries
        let below = (entries.count - region.entriesBelow)..<entries.count
        let oldBelow = (memory.facts.count - region.entriesBelow)..<memory.facts.count
        let inRegion = entries[region.entriesAbove..<below.lowerBound].map {
            EntryFacts($0, schema: schema, source: note.source, today: today)
        }
        let oldFacts = memory.facts
        let lined = zip(memory.facts[oldBelow], entries[below]).allSatisfy { old, new in
            old.entry.range.start + region.byteDelta == new.range.start && old.entry.fields.count == new.fields.count
        }
        guard lined else { return nil }
        // On this thread: each is a copy with another entry, less work than handing half of
        // them to a second thread costs (a keystroke at the top of a 5,000-entry note waited
        // for that thread).
        let moved = (0..<region.entriesBelow).map {
            EntryFacts(moving: oldFacts[oldBelow.lowerBound + $0], to: entries[below.lowerBound + $0])
        }
        var facts = Array(memory.facts.prefix(region.entriesAbove))
        facts.reserveCapacity(entries.count)
        facts += inRegion
        facts += moved
        let entriesKept = region.keepsEntries(old: memory.facts[region.entriesAbove..<oldBelow.lowerBound], new: inRegion)
        var headingsKept: Bool?
        var arxivKept: Bool?
        var footnotesKept: Bool?
        let kept = running.map { configured in
            if let keeping = type(of: configured.rule) as? any KeepsFindingsAcrossEdits.Type {
                return keeping.keepsFindings(across: region, old: memory.note, new: note)
            }
            if let dependence = type(of: configured.rule).footnoteDependence {
                if footnotesKept == nil { footnotesKept = region.keepsFootnotes(old: memory.note, new: note) }
                return footnotesKept! && (!dependence.contains(.lineNumbers) || region.lineDelta == 0)
                    && (!dependence.contains(.noteEnd) || region.endsBeforeTheLastText(of: note))
            }
            guard let dependence = type(of: configured.rule).entryDependence else { return false }
            if dependence.contains(.arxiv) {
                if arxivKept == nil { arxivKept = memory.arxivStamp == arxiv?.fingerprint }
                guard arxivKept! else { return false }
            }
            func headingsAreKept() -> Bool {
                if headingsKept == nil { headingsKept = !region.holdsHeading(old: memory.note, new: note) }
                return headingsKept!
            }
            if region.keepsFindings(of: dependence, entriesKept: entriesKept, headingsKept: headingsAreKept) { return true }
            // Or the entries changed in a way the rule can tell changes none of its findings.
            guard !entriesKept, let keying = type(of: configured.rule) as? any KeepsFindingsAcrossEntryEdits.Type,
                region.keepsFindings(of: dependence, entriesKept: true, headingsKept: headingsAreKept)
            else { return false }
            return keying.keepsFindings(
                changing: memory.facts[region.entriesAbove..<oldBelow.lowerBound], into: facts[region.entriesAbove..<below.lowerBound],
                among: facts)
        }
        // A rule of `.lines` scope whose note-wide reading the edit changed checks the whole note.
        // The reading is read from the entries: when they are the old ones, it is the old one.
        var readings = memory.readings
        var rereads: [Int] = []
        for index in running.indices where type(of: running[index].rule).scope == .lines {
            let rule = running[index].rule
            // Or whose arXiv answers may have changed.
            if type(of: rule).entryDependence?.contains(.arxiv) == true, memory.arxivStamp != arxiv?.fingerprint {
                rereads.append(index)
                continue
            }
            guard !entriesKept else { continue }
            guard let before = memory.readings[index] ?? rule.noteWideReading(oldFacts, of: memory.note, schema: schema) else { continue }
            readings[index] = rule.noteWideReading(facts, of: note, schema: schema)
            if readings[index] != before { rereads.append(index) }
        }
        var found = findings(
            of: running, on: note, entries: facts, arxiv: arxiv, path: path, region: (region.lines, inRegion, readings),
            skipped: running.indices.map { kept[$0] || rereads.contains($0) })
        for index in running.indices where kept[index] {
            found[index] = memory.findings[index].map { $0.moved(from: region.edit.range.end, by: region.byteDelta) }
        }
        let whole = LintInputs(note: note, today: today, entries: facts, schema: schema, arxiv: arxiv, path: path)
        for index in rereads { found[index] = running[index].run(whole, noteWideReading: readings[index]) }
        for index in running.indices where type(of: running[index].rule).scope == .lines && !rereads.contains(index) {
            var kept = found[index].filter { region.bytes.contains($0.range.start) }
            kept.reserveCapacity(kept.count + memory.findings[index].count)
            for finding in memory.findings[index] where !region.oldBytes.contains(finding.range.start) {
                kept.append(finding.range.start < region.oldBytes.start ? finding : finding.moved(bytes: region.byteDelta))
            }
            found[index] = kept
        }
        return (facts, found, readings)
    }
}
