import NoteSyntax

/// What the note's suppression comments turn off, and where:
///
///     <!-- notelint-disable RULE... -->           from here on (no rule: all rules)
///     <!-- notelint-enable RULE... -->            ends a disable (no rule: all)
///     <!-- notelint-disable-next-line RULE... --> the whole next block (an entry, a paragraph,
///                                                  a footnote definition)
///     <!-- notelint-disable-file RULE... -->      the whole file
///     notelint: {disable: [RULE...]}              in front matter: the whole file
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
        public let range: ByteRange
        public let line: Int
    }

    /// The state of one region: which rules are off from `line` on.
    private struct Region {
        let line: Int
        let allOff: Bool
        let off: Set<String>
        /// Rules re-enabled while all were off.
        let on: Set<String>
    }

    public let directives: [Directive]
    private var fileWide: Set<String> = []
    private var fileWideAll = false
    private var regions: [Region] = []
    private var blockScoped: [(lines: ClosedRange<Int>, rules: Set<String>)] = []

    public init(note: Note) {
        var directives: [Directive] = []
        for comment in note.comments {
            if let directive = Suppressions.parse(comment) { directives.append(directive) }
        }
        self.directives = directives
        var allOff = false
        var off: Set<String> = []
        var on: Set<String> = []
        for directive in directives {
            switch directive.kind {
            case .disableFile:
                if directive.rules.isEmpty { fileWideAll = true } else { fileWide.formUnion(directive.rules) }
            case .disableNextLine:
                var next = directive.line + 1
                while next < note.lineIndex.lineCount && note.source.isBlankLine(next) { next += 1 }
                if next < note.lineIndex.lineCount {
                    blockScoped.append((note.lines(ofBlockStartingAt: next), Set(directive.rules)))
                }
            case .disable:
                if directive.rules.isEmpty { allOff = true; off = []; on = [] } else { off.formUnion(directive.rules); on.subtract(directive.rules) }
                regions.append(Region(line: directive.line, allOff: allOff, off: off, on: on))
            case .enable:
                if directive.rules.isEmpty { allOff = false; off = []; on = [] } else { off.subtract(directive.rules); if allOff { on.formUnion(directive.rules) } }
                regions.append(Region(line: directive.line, allOff: allOff, off: off, on: on))
            }
        }
        if let disable = note.frontMatter?.value(forKey: "notelint")?["disable"] {
            let rules = disable.items.compactMap(\.scalarText)
            fileWide.formUnion(rules)
        }
    }

    public func isSuppressed(_ ruleID: String, atLine line: Int) -> Bool {
        if fileWideAll || fileWide.contains(ruleID) { return true }
        for scope in blockScoped where scope.lines.contains(line) && (scope.rules.isEmpty || scope.rules.contains(ruleID)) {
            return true
        }
        // Regions are in line order: the last one starting at or before the line governs it.
        var low = 0, high = regions.count
        while low < high {
            let middle = (low + high) / 2
            if regions[middle].line <= line { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return false }
        let region = regions[low - 1]
        if region.allOff { return !region.on.contains(ruleID) }
        return region.off.contains(ruleID)
    }

    static func parse(_ comment: HTMLComment) -> Directive? {
        let words = comment.text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\n" || $0 == "\r" }).map(String.init)
        guard let first = words.first, let kind = Directive.Kind(rawValue: first) else { return nil }
        return Directive(kind: kind, rules: Array(words.dropFirst()), range: comment.range, line: comment.line)
    }
}
