import ArxivKit
import NoteLint
import NoteSyntax
import Testing

@Suite struct ArxivFillTests {
    static let roformer: ArxivMetadata = {
        guard case .found(let metadata)? = RuleExamples.arxivMetadata.lookup(ArxivIdentifier.parse("2104.09864")!) else { fatalError() }
        return metadata
    }()

    func filled(_ text: String, overwrite: Bool, configuration: Configuration = .defaults) throws -> String {
        let linter = try Linter(configuration: configuration)
        let note = linter.parse(SourceText(text))
        let facts = try #require(linter.entryFacts(note).first)
        let edits = ArxivFill.changes(
            facts, Self.roformer, overwrite: overwrite, style: linter.dateStyle, schema: linter.schema, source: note.source
        ).map(\.edit)
        return String(decoding: ArxivFill.apply(edits, to: Array(text.utf8)), as: UTF8.self)
    }

    @Test func emptyFieldsAreFilledAndWrittenOnesKept() throws {
        #expect(
            try filled("Title:\nLink: arXiv:2104.09864\nDate: \nSubjects:\t\n", overwrite: false) == """
                Title: RoFormer: Enhanced Transformer with Rotary Position Embedding
                Link: arXiv:2104.09864
                Date: 20 Apr 2021
                Subjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI); Machine Learning (cs.LG)

                """)
        let written = "Title: My own title\nLink: arXiv:2104.09864\nDate: 2019\nSubjects: cs.AI\n"
        #expect(try filled(written, overwrite: false) == written)
    }

    @Test func overwriteReplacesOnlyWhatDisagrees() throws {
        let agreeing =
            "Title: roformer -- enhanced transformer with rotary position  embedding\nLink: arXiv:2104.09864\nDate: Apr. 2021\nSubjects: cs.CL, cs.LG, cs.AI\n"
        #expect(try filled(agreeing, overwrite: true) == agreeing)
        #expect(
            try filled("Title: RoFormer\nLink: arXiv:2104.09864\nDate: 21 Apr 2021\nSubjects: cs.AI, cs.CL, cs.LG\n", overwrite: true)
                == """
                Title: RoFormer: Enhanced Transformer with Rotary Position Embedding
                Link: arXiv:2104.09864
                Date: 20 Apr 2021
                Subjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI); Machine Learning (cs.LG)

                """)
    }

    @Test func theDateFollowsTheConfiguredStyle() throws {
        let configuration = try Configuration.parse(SourceText("version: 1\nrules:\n  date-format: {style: iso}\n"), path: ".notelint.yml")
        #expect(
            try filled("Title: A\nLink: arXiv:2104.09864\nDate:\nSubjects: cs.CL\n", overwrite: false, configuration: configuration)
                == "Title: A\nLink: arXiv:2104.09864\nDate: 2021-04-20\nSubjects: cs.CL\n")
    }

    @Test func theArxivSectionOfTheConfiguration() throws {
        let configuration = try Configuration.parse(
            SourceText("version: 1\narxiv:\n  api_url: http://127.0.0.1:9/api/query\n  cache_days: 7\n"), path: ".notelint.yml")
        #expect(configuration.arxivAPIURL == "http://127.0.0.1:9/api/query")
        #expect(configuration.arxivCacheDays == 7)
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(SourceText("version: 1\narxiv: {api_urll: x}\n"), path: ".notelint.yml")
        }
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(SourceText("version: 1\narxiv: {cache_days: -1}\n"), path: ".notelint.yml")
        }
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(SourceText("version: 1\narxiv: {api_url: ftp://x}\n"), path: ".notelint.yml")
        }
    }

    @Test func theCacheFingerprintIsPartOfTheLinters() throws {
        let without = try Linter()
        let with = try Linter(arxiv: RuleExamples.arxivMetadata)
        #expect(without.fingerprint != with.fingerprint)
    }

    @Test func anEntryWithOnlyALinkBecomesComplete() throws {
        #expect(
            try filled("Link: https://arxiv.org/abs/2104.09864", overwrite: false) == """
                Title: RoFormer: Enhanced Transformer with Rotary Position Embedding
                Link: https://arxiv.org/abs/2104.09864
                Date: 20 Apr 2021
                Subjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI); Machine Learning (cs.LG)
                """)
        #expect(
            try filled("Intro.\r\n\r\n> Link: arXiv:2104.09864\r\n> Date: 2021\r\n\r\nMore.\r\n", overwrite: false)
                == "Intro.\r\n\r\n> Title: RoFormer: Enhanced Transformer with Rotary Position Embedding\r\n> Link: arXiv:2104.09864\r\n> Date: 2021\r\n"
                + "> Subjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI); Machine Learning (cs.LG)\r\n\r\nMore.\r\n"
        )
    }

    /// Each shape of entry is filled in its own syntax.
    @Test func entriesAreFilledInTheirOwnShape() throws {
        let title = "RoFormer: Enhanced Transformer with Rotary Position Embedding"
        let subjects = "Computation and Language (cs.CL); Artificial Intelligence (cs.AI); Machine Learning (cs.LG)"
        // Fields inside one list item: the new lines continue the item.
        #expect(
            try filled("- Link: arXiv:2104.09864\n  Date: 2021\n", overwrite: false)
                == "- Link: arXiv:2104.09864\n  Date: 2021\n  Title: \(title)\n  Subjects: \(subjects)\n")
        // One bold field per item: new items like them.
        #expect(
            try filled("- **Link**: https://arxiv.org/abs/2104.09864\n- **Date**: 2021\n", overwrite: false)
                == "- **Link**: https://arxiv.org/abs/2104.09864\n- **Date**: 2021\n- **Title**: \(title)\n- **Subjects**: \(subjects)\n")
        // Inline fields keep their `::`.
        #expect(
            try filled("title::\nlink:: https://arxiv.org/abs/2104.09864\n", overwrite: false)
                == "title:: \(title)\nlink:: https://arxiv.org/abs/2104.09864\ndate:: 20 Apr 2021\nsubjects:: \(subjects)\n")
        // A table row: its empty cells are filled; it gets no new column.
        #expect(
            try filled("| Title | Link |\n|---|---|\n|  | https://arxiv.org/abs/2104.09864 |\n", overwrite: false)
                == "| Title | Link |\n|---|---|\n| \(title) | https://arxiv.org/abs/2104.09864 |\n")
        // A heading is the title: the fields under it get the rest.
        #expect(
            try filled(
                "### RoFormer: Enhanced Transformer with Rotary Position Embedding\nLink: https://arxiv.org/abs/2104.09864\n",
                overwrite: false)
                == "### \(title)\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\nSubjects: \(subjects)\n")
    }
}
