import ArxivKit
import NoteSyntax
import Synchronization

/// What every rule of one lint reads: made once per note (or per part of a note an edit
/// re-checks) and shared by the rules' contexts, so that a rule's context copies nothing of
/// the note (a copy retains each of its arrays, for each rule of each note).
final class LintInputs: Sendable {
    let note: Note
    let today: CalendarDay
    let entries: [EntryFacts]
    let schema: EntrySchema
    let arxiv: (any ArxivMetadataSource)?
    let path: String?
    let lines: Range<Int>
    let allEntries: [EntryFacts]
    private let proseLinks = Mutex<[ProseLinkTargets.Target]?>(nil)

    init(
        note: Note, today: CalendarDay, entries: [EntryFacts], schema: EntrySchema, arxiv: (any ArxivMetadataSource)? = nil,
        path: String? = nil, lines: Range<Int>? = nil, allEntries: [EntryFacts]? = nil
    ) {
        self.note = note
        self.today = today
        self.entries = entries
        self.schema = schema
        self.arxiv = arxiv
        self.path = path
        self.lines = lines ?? 0..<note.lineIndex.lineCount
        self.allEntries = allEntries ?? entries
    }

    /// `ProseLinkTargets.all` over `lines`, which three rules read: found by the first that asks
    /// (rules may run on several threads).
    var proseLinkTargets: [ProseLinkTargets.Target] {
        proseLinks.withLock { found in
            if let found { return found }
            let targets = ProseLinkTargets.all(in: note, lines: lines)
            found = targets
            return targets
        }
    }
}
