import NoteSyntax
import Testing

@testable import NoteLint

/// `EntrySchema.factFieldIndices(in:)`, which matches an entry's keys against the schema's
/// names in one pass, finds the fields `fieldIndex(_:in:)` finds kind by kind.
@Suite struct SchemaFieldIndexTests {
    static let schemas: [EntrySchema] = [
        .readingList,
        // Two names for one kind, the second of them first in the entries; a name outside ASCII.
        EntrySchema(fields: [
            EntrySchema.FieldSpec(name: "Paper", kind: .text, required: true),
            EntrySchema.FieldSpec(name: "Title", kind: .text, required: false),
            EntrySchema.FieldSpec(name: "Lien", kind: .url, required: true),
            EntrySchema.FieldSpec(name: "Link", kind: .url, required: false),
            EntrySchema.FieldSpec(name: "Año", kind: .date, required: false),
            EntrySchema.FieldSpec(name: "Topics", kind: .arxivSubjects, required: false),
            EntrySchema.FieldSpec(name: "Tags", kind: .list, required: false),
        ]),
        // No names for some kinds: those are found by their roles.
        EntrySchema(fields: [EntrySchema.FieldSpec(name: "Notes", kind: .text, required: false)]),
    ]

    static let notes = [
        "Title: Attention\nLink: https://arxiv.org/abs/1706.03762\nDate: 12 Jun 2017\nSubjects: Computation and Language (cs.CL)\n",
        "title: lower case keys\nLINK: https://arxiv.org/abs/2104.09864\nDATE: 2021\n",
        // A title written as a Markdown link: its target is a field of its own.
        "Title: [RoFormer](https://arxiv.org/abs/2104.09864)\nDate: 20 Apr 2021\nYear: 2021\n",
        // The link target is the first field named `Link`; another field has the link's role.
        "URL: https://example.org/roformer\nTitle: [RoFormer](https://arxiv.org/abs/2104.09864)\nDate: 2021\n",
        "Paper: First name\nTitle: Second name\nLink: https://example.org\nLien: https://arxiv.org/abs/2104.09864\nAño: 2021\n",
        "AÑO: 2020\nTopics: cs.CL\nPDF: https://arxiv.org/pdf/2104.09864\nTitle: After the date\n",
        "DOI: 10.1000/182\nTitle: A DOI only\nNotes: read twice\n",
        "DOI: https://doi.org/10.1000/182\nTitel: Not a schema name\nSubjects: cs.LG; cs.AI\n",
    ]

    @Test(arguments: 0..<schemas.count)
    func onePassFindsWhatEachKindFinds(schema: Int) throws {
        let schema = Self.schemas[schema]
        var entries = 0
        for text in Self.notes {
            for entry in Note(text).entries {
                entries += 1
                let found = schema.factFieldIndices(in: entry)
                func expected(_ kind: EntrySchema.Kind) -> Int32 { Int32(schema.fieldIndex(kind, in: entry) ?? -1) }
                #expect(found.text == expected(.text), "\(text)")
                #expect(found.url == expected(.url), "\(text)")
                #expect(found.date == expected(.date), "\(text)")
                #expect(found.subjects == expected(.arxivSubjects), "\(text)")
            }
        }
        #expect(entries == Self.notes.count)
    }
}
