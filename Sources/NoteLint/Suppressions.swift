import NoteSyntax

/// What the note's suppression comments turn off, and where:
///
///     <!-- notelint-disable RULE... -->           from here on (no rule: all rules)
///     <!-- notelint-enable RULE... -->            ends a disable (no rule: all)
///     <!-- notelint-disable-next-line RULE... --> the whole next block (an entry, a paragraph,
///                                                  a footnote definition)
///     <!-- notelint-disable-file RULE... -->      the whole file
///     notelint: {disable: [RULE...]}              in front matter: the whole file
///
/// `suppressor(of:atLine:)` names the directive that silences a finding, so the linter can
/// tell which directives silenced nothing (`unused-suppression`).
public struct Suppressions: Sendable {
    public struct Directive: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            case disable = "notelint-disable"
            case enable = "notelint-enable"
            case disableNextLine = "notelint-disable-next-line"
            case disableFile = "notelint-disable-file"
        }

        public let kind: Kind
        /// Empty means every rule.
        public let rules: [String]
        /// Where each of `rules` is written.
        public let ruleRanges: [ByteRange]
        /// The comment, or the front matter's `disable` value.
        public let range: ByteRange
        public let line: Int
        public let endLine: Int
        /// Written in front matter (`notelint: {disable: [...]}`) rather than as a comment.
        public let inFrontMatter: Bool
    }

    /// The state from `line` on: which directive turned each rule off, if any.
    private struct Region {
        let line: Int
        /// The directive that turned every rule off, while it holds.
        let allOffBy: Int?
        let offBy: [String: Int]
        /// Rules re-enabled while all were off.
        let on: Set<String>
    }

    public let directives: [Directive]
    private var fileWide: [String: Int] = [:]
    private var fileWideAllBy: Int?
    private var regions: [Region] = []
    private var blockScoped: [(lines: ClosedRange<Int>, rules: Set<String>, directive: Int)] = []

    public init(note: Note) {
        var directives: [Directive] = []
        if let disable = note.frontMatter?.value(forKey: "notelint")?["disable"] {
            let items = disable.items.filter { $0.scalarText != nil }
            let lines = note.lineIndex.line(containing: disable.range.start)...note.lineIndex.line(containing: disable.range.end)
            directives.append(
                Directive(
                    kind: .disableFile, rules: items.compactMap(\.scalarText), ruleRanges: items.map(\.range),
                    range: disable.range, line: lines.lowerBound, endLine: lines.upperBound, inFrontMatter: true))
        }
        for comment in note.comments {
            if let directive = Suppressions.parse(comment, in: note.source) { directives.append(directive) }
        }
        self.directives = directives
        var allOffBy: Int? = nil
        var offBy: [String: Int] = [:]
        var on: Set<String> = []
        for (index, directive) in directives.enumerated() {
            switch directive.kind {
            case .disableFile:
                if directive.rules.isEmpty && !directive.inFrontMatter {
                    fileWideAllBy = fileWideAllBy ?? index
                } else {
                    for rule in directive.rules where fileWide[rule] == nil { fileWide[rule] = index }
                }
            case .disableNextLine:
                var next = directive.endLine + 1
                while next < note.lineIndex.lineCount && note.source.isBlankLine(next) { next += 1 }
                if next < note.lineIndex.lineCount {
                    blockScoped.append((note.lines(ofBlockStartingAt: next), Set(directive.rules), index))
                }
            case .disable:
                if directive.rules.isEmpty {
                    allOffBy = index
                    offBy = [:]
                    on = []
                } else {
                    for rule in directive.rules { offBy[rule] = index }
                    on.subtract(directive.rules)
                }
                regions.append(Region(line: directive.line, allOffBy: allOffBy, offBy: offBy, on: on))
            case .enable:
                if directive.rules.isEmpty {
                    allOffBy = nil
                    offBy = [:]
                    on = []
                } else {
                    for rule in directive.rules { offBy[rule] = nil }
                    if allOffBy != nil { on.formUnion(directive.rules) }
                }
                regions.append(Region(line: directive.line, allOffBy: allOffBy, offBy: offBy, on: on))
            }
        }
    }

    /// The index in `directives` of the directive that silences `ruleID` on `line`.
    public func suppressor(of ruleID: String, atLine line: Int) -> Int? {
        if let index = fileWideAllBy { return index }
        if let index = fileWide[ruleID] { return index }
        for scope in blockScoped where scope.lines.contains(line) && (scope.rules.isEmpty || scope.rules.contains(ruleID)) {
            return scope.directive
        }
        // Regions are in line order: the last one starting at or before the line governs it.
        var low = 0
        var high = regions.count
        while low < high {
            let middle = (low + high) / 2
            if regions[middle].line <= line { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let region = regions[low - 1]
        if let index = region.allOffBy, !region.on.contains(ruleID) { return index }
        return region.offBy[ruleID]
    }

    static func parse(_ comment: HTMLComment, in source: SourceText) -> Directive? {
        // Words of the comment's text, with their byte ranges.
        var words: [(String, ByteRange)] = []
        var offset = comment.range.start + 4
        let end = comment.range.end - 3
        let bytes = source.bytes
        func isSeparator(_ byte: UInt8) -> Bool { [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ",")].contains(byte) }
        while offset < end {
            while offset < end && isSeparator(bytes[offset]) { offset += 1 }
            let start = offset
            while offset < end && !isSeparator(bytes[offset]) { offset += 1 }
            if start < offset { words.append((source.string(ByteRange(start, offset)), ByteRange(start, offset))) }
        }
        guard let first = words.first, let kind = Directive.Kind(rawValue: first.0) else { return nil }
        let rules = words.dropFirst()
        return Directive(
            kind: kind, rules: rules.map(\.0), ruleRanges: rules.map(\.1), range: comment.range,
            line: comment.line, endLine: comment.endLine, inFrontMatter: false)
    }
}
