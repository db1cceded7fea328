import NoteSyntax

struct FootnoteUndefined: Rule {
    static let footnoteDependence: FootnoteDependence? = [.noteEnd]
    static let description = RuleDescription(
        id: "footnote-undefined",
        summary: "a footnote reference with no definition",
        rationale: """
            A reference whose label is never defined renders as the literal text `[^label]`. Labels \
            compare ignoring case and runs of spaces. What looks like a reference inside a code span, \
            inline HTML or math (`$x[^2]$`, `$$...$$`) is none, and neither is a regular expression's \
            negated class written in prose (`[^a-z0-9]`). The fix appends a `TODO` definition to fill in; \
            it is unsafe because the right fix may be correcting a misspelt label.
            """,
        defaultSeverity: .error,
        fix: .unsafe,
        fixNote: """
            Unsafe: it appends a `TODO` definition, where the right fix may be correcting a misspelt \
            label.
            """,
        examples: RuleExamples(
            nonTriggering: [
                "Attention.[^Vaswani]\n\n[^vaswani]: Attention is all you need.\n",
                "Code: `[^not-a-note]`\n",
                "The norm $\\|a[^2]\\|$ and the regex [^a-zA-Z] hold no footnote.\n",
            ],
            triggering: [
                "Attention.↓[^vaswani]\n"
            ],
            corrections: [
                .init("Attention.[^vaswani]\n", "Attention.[^vaswani]\n\n[^vaswani]: TODO\n"),
                .init("A.[^a]\n\n[^b]: B.[^b]\n", "A.[^a]\n\n[^b]: B.[^b]\n[^a]: TODO\n"),
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        let footnotes = context.note.footnotes
        let defined = KeySet(footnotes.definitions.lazy.map(\.key))
        let undefined = footnotes.references.filter { !defined.contains($0.key) }
        guard !undefined.isEmpty else { return }
        let (offset, separator) = appendPoint(context.note)
        let fixable = labelsDefinedWhenAppended(undefined, at: offset, separator: separator, in: context.note)
        // References that differ only in case or spacing share one definition, spelt as the
        // first one is, so that fixing them all adds it once.
        var firstLabel: [String: String] = [:]
        for reference in undefined where firstLabel[reference.key] == nil { firstLabel[reference.key] = reference.label }
        for reference in undefined {
            let label = firstLabel[reference.key]!
            let fix =
                fixable.contains(reference.key)
                ? Fix(
                    title: "Add a definition for `[^\(quoted: label)]`", applicability: .unsafe,
                    edits: [.insert(separator + definition(label), at: offset)])
                : nil
            context.report("footnote `[^\(quoted: reference.label)]` is not defined", at: reference.range, fix: fix)
        }
    }

    private func definition(_ label: String) -> String { "[^\(label)]: TODO\n" }

    /// The keys whose appended definition the parser would see as one. At the end of a note
    /// that ends inside an unclosed code fence or HTML block, an appended definition is code,
    /// and adding it again on every pass would never settle: such references get no fix.
    private func labelsDefinedWhenAppended(_ references: [FootnoteReference], at offset: Int, separator: String, in note: Note) -> Set<
        String
    > {
        var seen = Set<String>()
        var appended = separator
        for reference in references where seen.insert(reference.key).inserted {
            appended += definition(reference.label)
        }
        let bytes = note.source.bytes
        let patched = Note(source: SourceText(bytes: Array(bytes[..<offset]) + Array(appended.utf8) + Array(bytes[offset...])))
        return Set(patched.footnotes.definitions.map(\.key)).intersection(seen)
    }

    /// Where definitions are appended, and what goes before one: right after the last
    /// definition when the note ends with one, else after a blank line.
    private func appendPoint(_ note: Note) -> (offset: Int, separator: String) {
        let source = note.source
        // Before a final bare CR: a line break inserted after it would turn it into a CRLF.
        let offset = source.bytes.last == 0x0D ? source.count - 1 : source.count
        let endsWithNewline = offset > 0 && (source.bytes[offset - 1] == 0x0A || source.bytes[offset - 1] == 0x0D)
        let lastLine = LineSpans.previousNonBlank(before: source.lineIndex.lineCount, in: source)
        let afterDefinition = lastLine.map { note.footnoteDefinition(containingLine: $0)?.lines.upperBound == $0 } ?? false
        var separator = endsWithNewline ? "" : "\n"
        if !afterDefinition && lastLine != nil { separator += "\n" }
        return (offset, separator)
    }
}
