import ArxivKit
import NoteSyntax

/// What one entry's values say, parsed once per lint and shared by every rule that reads
/// them (a Link is read by five rules, a Date by four). The fields are found by kind, through
/// the entry schema: `title` is the first text field, `link` the first url field, and so on.
public final class EntryFacts: Sendable {
    public let entry: Entry
    /// Where the title, link, date and subjects fields are among the entry's fields, -1 for
    /// none: indices, so that the facts of an entry an edit moved need not move them too.
    private let titleIndex: Int32
    private let linkIndex: Int32
    private let dateIndex: Int32
    private let subjectsIndex: Int32
    /// The parsed Date, when the entry has a non-empty one.
    public let parsedDate: Result<NoteDate, NoteDate.Failure>?
    /// What the Link says about arXiv, when it points there.
    public let arxiv: ArxivReference?
    /// Why the arXiv identifier cannot exist, when it cannot.
    public let arxivProblem: String?
    /// Whether the arXiv identifier is a template's stand-in (`XXXX.XXXXX`, `0000.00000`): a
    /// placeholder, neither a typo nor a paper.
    public let arxivIsTemplate: Bool
    /// The year and month a valid new-style identifier was assigned in (`2104.09864`: April
    /// 2021), which `date-arxiv-mismatch` compares with every entry's Date at every edit.
    let arxivMonth: (year: Int, month: Int)?
    let subjectList: SubjectList?
    /// Whether the Link and the Title have what `entry-duplicate` compares: a value that is
    /// neither empty nor a placeholder.
    let hasLinkKey: Bool
    let hasTitleKey: Bool
    /// Their keys' digests (`KeyDigest`), for comparing keys without writing or comparing
    /// strings: nil without a key, or for a key of other characters than ASCII.
    let linkDigest: UInt64?
    let titleDigest: UInt64?
    /// The title's key when the title is not ASCII (rare); ASCII keys are written when asked for.
    private let writtenTitleKey: String?
    /// The ways that write the Date's day exactly as it is written (`DayWriting.writings`),
    /// when it names a day: what `date-format` counts, for every entry, at every edit.
    let dayWritings: DayWritings?
    /// The roles of the entry's fields, a `FieldRole.bit` each, and whether all its values are
    /// empty: what `entry-missing-field` counts in every entry at every edit.
    let roleBits: UInt32
    let isBlank: Bool

    init(_ entry: Entry, schema: EntrySchema, source: SourceText, today: CalendarDay) {
        self.entry = entry
        var roleBits: UInt32 = 0
        for index in entry.fields.indices { roleBits |= entry.fields[index].role?.bit ?? 0 }
        self.roleBits = roleBits
        isBlank = entry.isBlank
        (titleIndex, linkIndex, dateIndex, subjectsIndex) = schema.factFieldIndices(in: entry)
        let fields = entry.fields
        let titleValue = titleIndex < 0 ? "" : fields[Int(titleIndex)].value
        let linkValue = linkIndex < 0 ? "" : fields[Int(linkIndex)].value
        let dateValue = dateIndex < 0 ? "" : fields[Int(dateIndex)].value
        parsedDate = dateValue.isEmpty ? nil : NoteDate.parse(dateValue)
        var arxiv: ArxivReference? = nil
        if !linkValue.isEmpty { arxiv = Self.arxivReference(in: linkValue, key: fields[Int(linkIndex)].key) }
        self.arxiv = arxiv
        let arxivIsTemplate = arxiv.map { ArxivIdentifier.isTemplate($0.rawIdentifier) } ?? false
        self.arxivIsTemplate = arxivIsTemplate
        var arxivProblem: String? = nil
        var arxivMonth: (year: Int, month: Int)? = nil
        if let reference = arxiv, !arxivIsTemplate {
            if let identifier = reference.identifier {
                (arxivProblem, arxivMonth) = ArxivIdentifier.assessment(
                    of: identifier, currentYear: today.year, currentMonth: today.month)
            } else {
                arxivProblem = ArxivIdentifier.problem(in: reference.rawIdentifier, currentYear: today.year, currentMonth: today.month)
            }
        }
        self.arxivProblem = arxivProblem
        self.arxivMonth = arxivMonth
        if subjectsIndex >= 0, !fields[Int(subjectsIndex)].isEmpty {
            subjectList = SubjectList(fields[Int(subjectsIndex)].valueRange, in: source)
        } else {
            subjectList = nil
        }
        hasLinkKey = !linkValue.isEmpty && !PlaceholderValue.isPlaceholder(linkValue)
        linkDigest = hasLinkKey ? EntryDuplicate.linkDigest(linkValue, arxiv: arxiv) : nil
        let hasTitleKey = !titleValue.isEmpty && !PlaceholderValue.isPlaceholder(titleValue)
        self.hasTitleKey = hasTitleKey
        let asciiTitleDigest = hasTitleKey ? EntryDuplicate.asciiTitleDigest(titleValue) : nil
        writtenTitleKey = hasTitleKey && asciiTitleDigest == nil ? EntryDuplicate.titleKey(titleValue) : nil
        titleDigest = asciiTitleDigest ?? writtenTitleKey.flatMap(KeyDigest.of)
        if case .success(let day)? = parsedDate, day.day != nil {
            dayWritings = DayWriting.writings(of: dateValue, for: day)
        } else {
            dayWritings = nil
        }
    }

    public var title: Field? { field(at: titleIndex) }
    public var link: Field? { field(at: linkIndex) }
    public var date: Field? { field(at: dateIndex) }
    public var subjects: Field? { field(at: subjectsIndex) }

    private func field(at index: Int32) -> Field? { index < 0 ? nil : entry.fields[Int(index)] }

    /// What a non-empty Link (`value`, its field's `key`) says about arXiv.
    private static func arxivReference(in value: String, key: String) -> ArxivReference? {
        if let reference = ArxivReference.parse(value) {
            // `arXiv:2609.17766v1 / https://arxiv.org/abs/2609.17766 / ...`: the paper's forms
            // listed together; the first names it.
            if reference.identifier == nil, let first = value.split(separator: " ", maxSplits: 1).first,
                first.utf8.count < value.utf8.count, let listed = ArxivReference.parse(String(first)), listed.identifier != nil
            {
                return listed
            }
            return reference
        }
        // `arXiv: 2104.09864` names the paper by its bare identifier, which a feed may follow
        // with more text (`arXiv:2104.09864v1 Announce Type: new`).
        let key = key.lowercased()
        if key.contains(ascii: "arxiv") || key == "eprint",
            let first = value.split(separator: " ", maxSplits: 1).first, ArxivIdentifier.parse(String(first)) != nil
        {
            return ArxivReference.parse("arXiv:" + first)
        }
        return ArxivReference.parse(value)
    }

    /// The facts of `old`, an entry an edit above moved (unchanged) into `entry`: the values
    /// are not read again.
    init(moving old: EntryFacts, to entry: Entry) {
        self.entry = entry
        titleIndex = old.titleIndex
        linkIndex = old.linkIndex
        dateIndex = old.dateIndex
        subjectsIndex = old.subjectsIndex
        parsedDate = old.parsedDate
        arxiv = old.arxiv
        arxivProblem = old.arxivProblem
        arxivIsTemplate = old.arxivIsTemplate
        arxivMonth = old.arxivMonth
        subjectList = old.subjectList
        hasLinkKey = old.hasLinkKey
        hasTitleKey = old.hasTitleKey
        linkDigest = old.linkDigest
        titleDigest = old.titleDigest
        writtenTitleKey = old.writtenTitleKey
        dayWritings = old.dayWritings
        roleBits = old.roleBits
        isBlank = old.isBlank
    }

    /// What `entry-duplicate` compares, nil for an empty or placeholder value: the Link (an
    /// arXiv link by its identifier without version) and the Title (lower-cased, blanks folded).
    /// Written on demand: the rule compares digests, and keys only where digests meet.
    var linkKey: String? { hasLinkKey ? EntryDuplicate.linkKey(link?.value ?? "", arxiv: arxiv) : nil }
    var titleKey: String? { hasTitleKey ? writtenTitleKey ?? EntryDuplicate.titleKey(title?.value ?? "") : nil }

    /// Whether the Link points at arXiv; asked by pattern, since `arxiv != nil` compares two
    /// optional references through Equatable, copying both.
    public var pointsAtArxiv: Bool {
        guard case .some = arxiv else { return false }
        return true
    }

    /// The arXiv identifier when the Link names one that can exist.
    public var validArxivIdentifier: ArxivIdentifier? { arxivProblem == nil && !arxivIsTemplate ? arxiv?.identifier : nil }

    public var validDate: NoteDate? {
        if case .success(let date)? = parsedDate { return date }
        return nil
    }
}
