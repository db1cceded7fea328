import ArxivKit
import NoteSyntax

struct EntryEmptyField: Rule {
    static let scope = RuleScope.lines

    static let description = RuleDescription(
        id: "entry-empty-field",
        summary: "an entry's field is present but empty",
        rationale: """
            An entry without its Title or Link cannot be found again, and one without a Date cannot be \
            placed in time. An empty Subjects matters only where it can be filled: on an entry whose \
            Link is on arXiv. An entry whose every field is empty is a different problem (`entry-blank`). \
            In a table an empty cell is how a row says "none" (a paper under review has no link yet), so \
            only an empty title cell, or a link written with an empty target (`[arXiv]()`), is reported. \
            A DOI, a PDF or a code link is not something every paper has: left empty, it is reported at \
            info (warning when `entries` requires it). \
            A template is a form to fill, so its empty fields are left alone: a GitHub issue template \
            (front matter with `name` and `about`) or a note in a folder whose name holds `template` \
            (`ISSUE_TEMPLATE/`, `templates/`, a vault's `930_Templates/`). The same holds for every rule \
            about values there (the empty, placeholder, duplicate, link, date and subjects rules: a \
            template's `VALUE:URL` or `{{date}}` is to be replaced); rules about its structure (YAML, \
            footnotes, `entry-heading-trap`) still apply, since every note made from it inherits that.
            """,
        defaultSeverity: .error,
        severityNote:
            "error for Title and Link (the first text field and url fields of `entries`), warning for Date (date fields) and other required fields, info for Subjects (arxiv-subjects fields) on an arXiv entry, where it can be filled, and for a DOI, PDF or code link",
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "Title:\nLink:\nDate:\nSubjects:\n",
                "---\nname: Paper request\nabout: Ask for a paper to be added\n---\n\n**Paper Title:**\n**Paper Link:**\n**Date:** 2024\n",
                "Title: Exploratory Data Analysis\nLink: https://example.org/tukey.pdf\nDate: 1977\nSubjects:\n",
                "| Title | Venue | Link |\n|---|---|---|\n| A paper under review | submitted | |\n",
            ],
            triggering: [
                "↓Title:\nLink: https://arxiv.org/abs/2104.09864\n↓Date: \n",
                "Title: A book\n↓Link:\t\nDate: 1977\n",
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n↓Subjects:\n",
                "Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\n↓DOI:\n",
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        let required = context.schema.required
        for facts in context.entries where !facts.entry.isBlank && facts.entry.shape != .frontMatter {
            // The title's range and key, not the field: binding a `Field?` copies it.
            let (titleRange, titleKey) = (facts.title?.range, facts.title?.key)
            // By index: `for field in` copies every field, and few are empty.
            let fields = facts.entry.fields
            for index in fields.indices where fields[index].isEmpty && fields[index].line != facts.entry.listValueLine {
                let field = fields[index]
                let isTitle = titleRange == field.range && titleKey == field.key
                // An empty cell is how a table says "none" (a paper under review has no link yet);
                // only a row without its title has lost something.
                if field.origin == .tableCell && !isTitle && Self.isBlank(field.rawValueRange, in: context.note.source) { continue }
                // A field written as a line is marked from its key; a cell or a link, where it is.
                let range = field.origin == .line ? ByteRange(field.keyRange.start, field.colonOffset + 1) : field.rawValueRange
                let isRequired = required.contains(where: { Field.sameKey($0, field.key) })
                switch context.schema.kind(of: field) {
                case .url? where Self.optionalLinkRoles.contains(field.role) && !isRequired:
                    context.report("`\(quoted: field.key)` is empty", at: range, severity: .info)
                case .url?:
                    context.report("`\(quoted: field.key)` is empty", at: range, severity: .error)
                case .text? where isTitle:
                    context.report("`\(quoted: field.key)` is empty", at: range, severity: .error)
                case .date?:
                    context.report("`\(quoted: field.key)` is empty", at: range, severity: .warning)
                case .arxivSubjects? where facts.arxiv?.identifier != nil:
                    context.report("`\(quoted: field.key)` is empty; it can be filled from arXiv", at: range, severity: .info)
                case _ where isRequired:
                    context.report("`\(quoted: field.key)` is empty", at: range, severity: .warning)
                default:
                    break
                }
            }
        }
    }

    /// Links a paper may well not have.
    static let optionalLinkRoles: Set<FieldRole?> = [.doi, .pdf, .code]

    static func isBlank(_ range: ByteRange, in source: SourceText) -> Bool {
        source.bytes[range.start..<range.end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
