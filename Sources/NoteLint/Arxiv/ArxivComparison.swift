import ArxivKit
import NoteSyntax

/// Whether what an entry says agrees with arXiv's metadata, field by field. "Agrees" is
/// lenient where a note may say less than arXiv: a title differing only in case, spacing,
/// punctuation or TeX markup; a date naming only the v1 month or year; Subjects naming the
/// same categories with the same primary one.
public enum ArxivComparison {
    public static func titleAgrees(_ written: String, _ metadata: ArxivMetadata) -> Bool {
        TitleKey(written) == TitleKey(metadata.title)
    }

    public static func dateAgrees(_ written: NoteDate, _ metadata: ArxivMetadata) -> Bool {
        let v1 = metadata.submitted
        return written.year == v1.year && (written.month ?? v1.month) == v1.month && (written.day ?? v1.day) == v1.day
    }

    /// The codes a Subjects value names, with arXiv's capitalisation where known.
    static func codes(_ facts: EntryFacts) -> [String] {
        facts.subjectList?.items.map { $0.category?.id ?? $0.code } ?? []
    }

    static func subjectsAgree(_ facts: EntryFacts, _ metadata: ArxivMetadata) -> Bool {
        let written = codes(facts)
        return Set(written) == Set(metadata.categories) && written.first == metadata.primaryCategory
    }

    /// The v1 date written in `style`.
    public static func v1Date(_ metadata: ArxivMetadata, style: NoteDate.Style) -> String {
        NoteDate(year: metadata.submitted.year, month: metadata.submitted.month, day: metadata.submitted.day).rendered(style)
    }
}
