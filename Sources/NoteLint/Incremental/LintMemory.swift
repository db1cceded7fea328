import NoteSyntax

/// What a lint keeps of one version of a note for the lint of the next: the note, its entries'
/// facts, and each rule's findings before suppressions and severities.
public struct LintMemory: Sendable {
    let note: Note
    let path: String?
    /// The `Linter.fingerprint` of the linter that made it: another configuration starts afresh.
    let linterKey: String
    let isTemplate: Bool
    /// The arXiv metadata source's fingerprint when the findings were made (nil without one).
    let arxivStamp: String?
    let facts: [EntryFacts]
    /// Per rule run, in the linter's order.
    let findings: [[Diagnostic]]
    /// Per rule run: its `Rule.noteWideReading` of this version, when the lint read it.
    let readings: [Int?]
}

/// The lint of the version one edit before, and that edit.
public struct LintBase: Sendable {
    public let memory: LintMemory
    public let edit: TextReplacement
    /// The lines of the new text whose blocks cmark read again (`Note.revised(by:giving:)`).
    public let reparsedLines: Range<Int>

    public init(memory: LintMemory, edit: TextReplacement, reparsedLines: Range<Int>) {
        self.memory = memory
        self.edit = edit
        self.reparsedLines = reparsedLines
    }
}

extension Diagnostic {
    /// The same finding, `bytes` further into the note.
    func moved(bytes: Int) -> Diagnostic { moved(from: .min, by: bytes) }

    /// The finding after an edit that ended at `point` (in the old bytes) and moved what
    /// followed by `bytes`: each of its ranges that starts there or later moved with it.
    func moved(from point: Int, by bytes: Int) -> Diagnostic {
        func place(_ range: ByteRange) -> ByteRange { range.start >= point ? range.shifted(by: bytes) : range }
        guard bytes != 0 else { return self }
        return Diagnostic(
            ruleID: ruleID, severity: severity, message: message, range: place(range),
            related: related.map { RelatedLocation(range: place($0.range), message: $0.message) },
            fix: fix.map { fix in
                Fix(
                    title: fix.title, applicability: fix.applicability,
                    edits: fix.edits.map { TextEdit(range: place($0.range), newText: $0.newText) })
            }, tags: tags)
    }
}
