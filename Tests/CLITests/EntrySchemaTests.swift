import Foundation
import TestSupport
import Testing

/// The entry schema as configuration: notes that are not reading lists get the same checks,
/// on their own field names.
@Suite struct EntrySchemaTests {
    @Test func rulesFollowTheKindsOfConfiguredFields() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            ".notelint.yml",
            """
            version: 1
            entries:
              fields:
                Book: {kind: text, required: true}
                URL: url
                Published: {kind: date, required: true}
                Tags: list
            """)
        try folder.write(
            "books.md",
            """
            Book: Exploratory Data Analysis
            URL: www.example.org/eda
            Published: 31 Feb 1977
            Tags: statistics

            Book:
            Published: 1977
            Printer: Addison-Wesley

            Title: not an entry here
            but a paragraph of prose that begins like a field
            """)
        let run = try Notelint.run(["check", "--quiet", "books.md"], in: folder.url)
        #expect(
            run.stdout == """
                books.md:2:6: error: `www.example.org/eda` is not an absolute URL (it needs https://) [link-invalid]
                books.md:3:12: error: `31 Feb 1977` is not a real date: Feb 1977 has 28 days [date-invalid]
                books.md:6:1: error: `Book` is empty [entry-empty-field]
                books.md:8:1: info: unknown field `Printer` [entry-unknown-field]

                """)
    }

    @Test func badSchemasAreConfigurationErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write("note.md", "Title: A\n")
        try folder.write(".notelint.yml", "version: 1\nentries:\n  fields:\n    Book: novel\n")
        let run = try Notelint.run(["check", "note.md"], in: folder.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains(".notelint.yml:4:11: unknown kind `novel`"))
        try folder.write(".notelint.yml", "version: 1\nentries:\n  fields:\n    Book: {kind: text, requird: true}\n")
        #expect(try Notelint.run(["check", "note.md"], in: folder.url).stderr.contains("did you mean `required`?"))
    }
}
