import NoteSyntax
import Testing

/// Each shape of docs/records.md, and what is not a record.
@Suite struct RecordShapeTests {
    func values(_ entry: Entry) -> [String] { entry.fields.map { "\($0.role?.rawValue ?? $0.key)=\($0.value)" } }

    @Test func listItemWithFieldsInside() throws {
        let note = Note("- Title: Some Paper\n  Link: https://arxiv.org/abs/2104.09864\n- Another item\n")
        let entry = try #require(note.entries.first)
        #expect(note.entries.count == 1)
        #expect(entry.shape == .listItem)
        #expect(values(entry) == ["title=Some Paper", "link=https://arxiv.org/abs/2104.09864"])
        #expect(entry.context == 0...1)
    }

    @Test func oneFieldPerItemWithBoldKeys() throws {
        let note = Note(
            "- **Title**: One\n- **Link**: https://arxiv.org/abs/2104.09864\n- **Date:** 2025-08-12\n- **Title**: Two\n- **URL**: https://example.org/two.pdf\n"
        )
        #expect(note.entries.map(\.shape) == [.listItems, .listItems])
        #expect(note.entries.map(\.lines) == [0...2, 3...4])
        #expect(values(note.entries[0]) == ["title=One", "link=https://arxiv.org/abs/2104.09864", "date=2025-08-12"])
        #expect(note.entries[0].fields.map(\.keyRange.start) == [4, 21, 66])
    }

    @Test func nestedListOfFieldsUnderATitleItem() throws {
        let note = Note("- Attention Is All You Need\n  - Link: https://arxiv.org/abs/1706.03762\n  - Year: 2017\n")
        let entry = try #require(note.entries.first)
        #expect(entry.shape == .heading)
        #expect(values(entry) == ["title=Attention Is All You Need", "link=https://arxiv.org/abs/1706.03762", "year=2017"])
        #expect(note.entries.count == 1)
    }

    @Test func headingAsTheTitle() throws {
        let note = Note("## Papers\n\n### Some Paper\nLink: https://arxiv.org/pdf/2104.09864\nDate: 2021\n")
        let entry = try #require(note.entries.first)
        #expect(entry.shape == .heading)
        #expect(values(entry) == ["title=Some Paper", "link=https://arxiv.org/pdf/2104.09864", "date=2021"])
        #expect(entry.fields[0].origin == .heading && entry.context == 2...4)
        // A heading that is a link gives the link too; a list follows it as well.
        let linked = try #require(Note("### [Some Paper](https://arxiv.org/abs/2104.09864)\n- Date: Apr 2021\n").entries.first)
        #expect(values(linked) == ["title=Some Paper", "link=https://arxiv.org/abs/2104.09864", "date=Apr 2021"])
        // An emphasised first line is a title too.
        let bold = try #require(Note("**Some Paper**\nLink: https://arxiv.org/abs/2104.09864\nDate: 2021\n").entries.first)
        #expect(bold.shape == .heading && values(bold) == ["title=Some Paper", "link=https://arxiv.org/abs/2104.09864", "date=2021"])
        #expect(bold.lines == 0...2)
        // A heading over fields that say nothing of where the paper is: no record.
        #expect(Note("## Meeting\nDate: 2021-03-01\n").entries.isEmpty)
    }

    @Test func titleAndLinkInOneField() throws {
        let note = Note("Title: [Some Paper](https://arxiv.org/abs/2104.09864)\n")
        let entry = try #require(note.entries.first)
        #expect(values(entry) == ["title=Some Paper", "link=https://arxiv.org/abs/2104.09864"])
        #expect(entry.fields[1].origin == .linkTarget)
        // A location written as a Markdown link or autolink is its target; `[arXiv]()` is empty.
        let linked = try #require(
            Note("Title: A\nLink: [arXiv](https://arxiv.org/abs/2104.09864)\nPDF: <https://example.org/a.pdf>\n").entries.first)
        #expect(values(linked) == ["title=A", "link=https://arxiv.org/abs/2104.09864", "pdf=https://example.org/a.pdf"])
        #expect(Note("Title: A\nLink: [arXiv]()\n").entries.first?.field(role: .link)?.isEmpty == true)
    }

    @Test func tableRows() throws {
        let note = Note(
            "| # | **Title** | Link | Code |\n|---|---|---|---|\n| 1 | A | https://arxiv.org/abs/2104.09864 | |\n| 2 | [B](https://example.org/b) |  | x |\n"
        )
        #expect(note.entries.map(\.shape) == [.tableRow, .tableRow])
        #expect(values(note.entries[0]) == ["title=A", "link=https://arxiv.org/abs/2104.09864"])
        #expect(values(note.entries[1]) == ["title=B", "link=https://example.org/b", "link=", "code=x"])
        let cell = note.entries[0].fields[1]
        #expect(note.text(cell.valueRange) == "https://arxiv.org/abs/2104.09864" && cell.line == 2)
        #expect(note.entries[0].context == 0...2)
        // A table of something else is no list of records.
        #expect(Note("| Name | Size |\n|---|---|\n| a | 1 |\n").entries.isEmpty)
    }

    @Test func aTableRightUnderAParagraphStartsAtItsHeader() throws {
        let note = Note("Papers we read.\n| Title | Link |\n|---|---|\nA | https://example.org/a\n")
        let table = try #require(note.blocks.first { $0.kind == .extensionBlock("table") })
        #expect(table.startLine == 1)
        #expect(note.blocks.first { $0.kind == .extensionBlock("table_header") }?.startLine == 1)
        #expect(values(try #require(note.entries.first)) == ["title=A", "link=https://example.org/a"])
    }

    @Test func inlineFields() throws {
        let paragraph = try #require(Note("title:: Some Paper\nurl:: https://arxiv.org/abs/2104.09864\n").entries.first)
        #expect(values(paragraph) == ["title=Some Paper", "link=https://arxiv.org/abs/2104.09864"])
        #expect(paragraph.fields[0].colonOffset == 6)
        let logseq = try #require(Note("- title:: Some Paper\n- authors:: A. B\n- doi:: 10.1000/xyz\n").entries.first)
        #expect(logseq.shape == .listItems && values(logseq) == ["title=Some Paper", "authors=A. B", "doi=10.1000/xyz"])
    }

    @Test func frontMatterOfAPaperNote() throws {
        let note = Note("---\ntitle: \"Some Paper\"\nauthors: [A, B]\narxiv: 2104.09864\ndate: 2021-04-20 10:00:00 +0000\n---\n\nNotes.\n")
        let entry = try #require(note.entries.first)
        #expect(entry.shape == .frontMatter)
        #expect(values(entry) == ["title=Some Paper", "link=2104.09864", "date=2021-04-20"])
        #expect(note.text(entry.fields[0].valueRange) == "Some Paper")
        // A blog post's front matter names no paper: no record.
        #expect(Note("---\nlayout: post\ntitle: My week\ndate: 2021-04-20\nurl: https://example.org/week\n---\n").entries.isEmpty)
        // `null` says there is none: no field, and no identifier.
        let nulls = try #require(Note("---\ntitle: Some Paper\narxiv: null\nurl: ~\ndoi: 10.1000/xyz\n---\n").entries.first)
        #expect(values(nulls) == ["title=Some Paper", "doi=10.1000/xyz"])
        #expect(Note("---\ntitle: Some Paper\narxiv: null\ndoi: NULL\n---\n").entries.isEmpty)
    }

    @Test func aValueFoldedOntoAnIndentedLineIsNoProse() throws {
        let folded = try #require(Note("title: Egology\ntags: ecology\n      self-help\nisbn: 979-10-91772-19-8\n").entries.first)
        #expect(folded.lines == 0...3 && folded.proseLine == nil)
        // Prose at the field lines' own indentation is prose, in a list item too.
        let item = try #require(Note("- Title: A\n  Link: https://example.org\n  which I liked.\n").entries.first)
        #expect(item.lines == 0...1)
    }

    @Test func pastedAbstractPage() throws {
        let note = Note(
            "Title:Some Paper\nAuthors:A. B\nSubjects:\tComputation and Language (cs.CL)\nCite as:\tarXiv:2104.09864 [cs.CL]\n \t(or arXiv:2104.09864v2 [cs.CL] for this version)\nDOI: https://doi.org/10.48550/arXiv.2104.09864Focus to learn more\n"
        )
        let entry = try #require(note.entries.first)
        #expect(entry.lines == 0...5 && entry.furnitureLines == [4] && entry.proseLine == nil)
        #expect(entry.field(role: .doi)?.value == "https://doi.org/10.48550/arXiv.2104.09864")
    }

    @Test func recordRunningIntoProse() throws {
        let entry = try #require(Note("Title: A\nLink: https://arxiv.org/abs/2104.09864\nThe paper shows things.\n").entries.first)
        #expect(entry.lines == 0...1 && entry.proseLine == 2)
        // In a list item the text after the fields is the item's description.
        #expect(Note("- Title: A\n  Link: https://arxiv.org/abs/2104.09864\n  The paper shows things.\n").entries.first?.proseLine == nil)
    }

    @Test func notRecords() {
        #expect(Note("Note: see the appendix.\n").entries.isEmpty)
        #expect(Note("The study enrolled people.\n\nSubjects: 40 adults\nDuration: 6 weeks\n").entries.isEmpty)
        #expect(Note("- Subjects: /subjects\n- Authors: /authors\n- Papers: /papers\n").entries.isEmpty)
        #expect(
            Note("- Title: the document's title\n- Link: where the document lives online\n- Date: when it was last changed\n").entries
                .isEmpty)
        // A lone title is a record begun only among other records.
        #expect(Note("Title: My talk\n\nSlides follow.\n").entries.isEmpty)
        #expect(Note("Title: A\nLink: https://example.org/a\n\nTitle: B\n").entries.count == 2)
    }

    @Test func keysMatchIgnoringCaseAndEmphasis() throws {
        let entry = try #require(Note("*TITLE*: A\n__link__: https://example.org/a\n**Date:** 2021\n").entries.first)
        #expect(values(entry) == ["title=A", "link=https://example.org/a", "date=2021"])
        // Values wrapped in emphasis or a wikilink are read inside.
        let wrapped = try #require(Note("Title: A\nLink: https://example.org/a\nDate: [[2023-09-15]]\n").entries.first)
        #expect(wrapped.field(role: .date)?.value == "2023-09-15")
    }
}
