import NoteSyntax

struct FrontMatterYAML: Rule {
    static let description = RuleDescription(
        id: "front-matter-yaml",
        summary: "front matter that is not valid YAML, or is not closed",
        rationale: """
            Static site generators and note apps read the front matter as YAML; when it does not parse, \
            the whole note's metadata is lost, often silently. The finding points at the line and column \
            where the YAML parser gave up. A Logseq page's properties (`authors: [[Ada]], [[Alan]]`: one \
            `key: value` line each, with unquoted wikilinks) are not YAML, but Logseq reads them: such a block \
            is read line by line, as Logseq does, and not reported. Nor is front matter that holds a \
            template language's tags where the parser stops (`{{title}}`, `{% if %}`, \
            `<% tp.date.now() %>`: Obsidian's Templater, Zotero Integration, Jinja): that is the \
            language's source, which becomes YAML only when the template is applied; a mistake on a \
            line without tags is reported, since every note made from the template inherits it.
            """,
        defaultSeverity: .error,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "---\ntitle: RoFormer\ntags: [nlp, attention]\n---\n\nText.\n",
                "No front matter at all.\n",
                "---\ntitle: RTM3D\nauthors: [[Ada Lovelace]], [[Alan Turing]]\ntags: paper, [[mono3D]], #zotero\n---\n",
                "---\ntitle: {{title}}\ncreated: <% tp.date.now(\"YYYY-MM-DD\") %>\n{%- if doi %}doi: {{doi}}{% endif %}\n---\n",
            ],
            triggering: [
                "↓---\ntitle: never closed\n\nText.\n",
                "---\ntitle: one\n↓title\n---\n",
                "---\ndate: {{date}}\ntitle: A\ntags: ↓-\n---\n",
                "---\ntitle: [[Ada]]↓, [[Alan]]\n  - nested\n---\n",
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        guard let frontMatter = context.note.frontMatter, let problem = frontMatter.problem else { return }
        let source = context.source
        let line = source.lineIndex.line(containing: problem.offset)
        // The parser stopped at a template's tag (on that line, or the one it continues).
        if frontMatter.isClosed && Self.holdsTemplateTags(lines: max(frontMatter.contentLines.lowerBound, line - 1)...line, source) {
            return
        }
        let lineEnd = source.lineContent(line).end
        let range = problem.offset < lineEnd ? ByteRange(problem.offset, lineEnd) : .empty(at: problem.offset)
        let message =
            frontMatter.isClosed ? "invalid YAML in front matter: \(quoted: problem.message)" : QuotedText.clipped(problem.message)
        context.report(message, at: range)
    }

    /// `{{`, `{%` or `<%` on these lines: a template's source.
    static func holdsTemplateTags(lines: ClosedRange<Int>, _ source: SourceText) -> Bool {
        let start = source.lineIndex.lineStarts[lines.lowerBound]
        let end = source.lineContent(lines.upperBound).end
        guard start < end else { return false }
        let bytes = source.bytes[start..<end]
        var previous: UInt8 = 0
        for byte in bytes {
            if (previous == UInt8(ascii: "{") && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%")))
                || (previous == UInt8(ascii: "<") && byte == UInt8(ascii: "%"))
            {
                return true
            }
            previous = byte
        }
        return false
    }
}
