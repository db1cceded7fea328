import ArxivKit
import NoteSyntax

struct LinkArxivForm: Rule {
    static let scope = RuleScope.lines

    static let description = RuleDescription(
        id: "link-arxiv-form",
        summary: "an arXiv link not in the form https://arxiv.org/abs/ID",
        rationale: """
            The abstract page is the stable way to cite an arXiv paper: it shows every version and \
            links the PDF. PDF links (with or without `.pdf`), `http:`, the `export.` and `www.` \
            hosts, `arXiv:ID` and arXiv's DOI all name the same paper; one form makes duplicates \
            easy to spot. An `abs/` link ending in `.pdf` is broken: arXiv has no such page, so it \
            is reported as a warning, in a record's Link and in any Markdown link of the note \
            (`[arXiv](https://arxiv.org/abs/ID.pdf)` in a list). The fix keeps any version you wrote.
            """,
        defaultSeverity: .info,
        fix: .unsafe,
        fixNote: """
            Safe only where the new link is the same page: `http:` becomes `https:`, or the scheme \
            and host are written in lower case, on `arxiv.org/abs/`. Every other rewrite is unsafe, \
            because it changes where the link points: a PDF link may be there on purpose, the \
            `www.` and `export.` hosts, a DOI, `arXiv:ID`, a query, a fragment or a trailing slash \
            are other addresses, and a broken `abs/ID.pdf` link may have been meant for the PDF.
            """,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\n",
                "Title: A\nLink: https://arxiv.org/abs/2106.04570v1\n",
                "Title: A\nLink: https://example.org/2104.09864.pdf\n",
            ],
            triggering: [
                "Title: A\nLink: ↓https://arxiv.org/pdf/2104.09864v2.pdf\n",
                "Title: A\nLink: ↓arXiv:2104.09864\n",
                "Title: A\nLink: ↓http://export.arxiv.org/abs/hep-th/9901001\n",
                "Title: A\nLink: ↓http://arxiv.org/abs/2104.09864\n",
                "Title: A\nLink: ↓https://arxiv.org/abs/2104.09864.pdf\n",
                "* Wang et al. 2017, ACL [[arXiv]](↓https://arxiv.org/abs/1704.04347.pdf)\n",
                "See [the paper](↓https://arxiv.org/abs/1704.04347.pdf \"Wang et al.\") for the method.\n",
            ],
            corrections: [
                .init("Title: A\nLink: https://arxiv.org/pdf/2104.09864v2\n", "Title: A\nLink: https://arxiv.org/abs/2104.09864v2\n"),
                .init("Title: A\nLink: https://doi.org/10.48550/arXiv.2104.09864\n", "Title: A\nLink: https://arxiv.org/abs/2104.09864\n"),
                .init("Title: A\nLink: http://arxiv.org/abs/2104.09864v2\n", "Title: A\nLink: https://arxiv.org/abs/2104.09864v2\n"),
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        var linkRanges: [ByteRange] = []
        for facts in context.entries {
            // The Link's range only: binding the `Field?` would copy the field.
            guard let valueRange = facts.link?.valueRange else { continue }
            linkRanges.append(valueRange)
            guard let reference = facts.arxiv, !reference.isCanonical, facts.validArxivIdentifier != nil,
                let canonical = reference.canonicalLink
            else { continue }
            report(reference, canonical: canonical, at: valueRange, context: &context)
        }
        checkBrokenProseLinks(skipping: linkRanges, context: &context)
    }

    private func report(_ reference: ArxivReference, canonical: String, at range: ByteRange, context: inout LintContext) {
        let fix = Fix(
            title: "Write `\(canonical)`", applicability: applicability(of: reference.form),
            edits: [TextEdit(range: range, newText: canonical)])
        if reference.form == .abstractPageWithPDFSuffix {
            context.report(
                "broken arXiv link: an abstract page has no `.pdf`; the abstract page is `\(canonical)`", at: range,
                severity: .warning, fix: fix)
        } else {
            context.report("arXiv link not in the canonical form `\(canonical)`", at: range, fix: fix)
        }
    }

    /// `[arXiv](https://arxiv.org/abs/ID.pdf)` elsewhere in the note: only the broken form is
    /// reported there; a PDF link in prose is the author's choice.
    private func checkBrokenProseLinks(skipping linkRanges: [ByteRange], context: inout LintContext) {
        let lines = context.lines
        guard !lines.isEmpty else { return }
        let checked = ByteRange(context.source.lineIndex.lineStarts[lines.lowerBound], context.source.lineContent(lines.upperBound - 1).end)
        guard Self.mentionsPDF(context.source, in: checked) else { return }
        let today = context.today
        for target in context.proseLinkTargets
        where !target.isSplitByBlank && target.text.hasSuffix(".pdf") {
            guard !linkRanges.contains(where: { $0.start <= target.range.start && target.range.end <= $0.end }),
                let reference = ArxivReference.parse(target.text), reference.form == .abstractPageWithPDFSuffix,
                let canonical = reference.canonicalLink, !ArxivIdentifier.isTemplate(reference.rawIdentifier),
                ArxivIdentifier.problem(in: reference.rawIdentifier, currentYear: today.year, currentMonth: today.month) == nil
            else { continue }
            report(reference, canonical: canonical, at: target.range, context: &context)
        }
    }

    /// Whether `range` of `source` holds `.pdf`, as a target ending in it does: most notes have
    /// none, and are spared the walk over their links. Read from the checked lines alone, so that
    /// a part of the note checked again after an edit finds what a whole lint finds there.
    static func mentionsPDF(_ source: SourceText, in range: ByteRange) -> Bool {
        source.bytes.withUnsafeBufferPointer { bytes in
            var offset = range.start
            while let dot = ByteSearch.first(UInt8(ascii: "."), in: bytes, from: offset, to: range.end - 3) {
                if bytes[dot + 1] == UInt8(ascii: "p"), bytes[dot + 2] == UInt8(ascii: "d"), bytes[dot + 3] == UInt8(ascii: "f") {
                    return true
                }
                offset = dot + 1
            }
            return false
        }
    }

    /// Safe only when the canonical link is provably the same page as the one written.
    private func applicability(of form: ArxivReference.Form) -> Applicability {
        form == .abstractPageRespelled ? .safe : .unsafe
    }
}
