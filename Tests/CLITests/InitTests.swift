import Foundation
import TestSupport
import Testing

@Suite struct InitTests {
    @Test func initWritesADefaultThatChangesNothing() throws {
        let folder = try TemporaryFolder()
        let example = try Data(contentsOf: PackagePaths.url("fixtures/example-note.md"))
        try folder.write("note.md", example)
        let before = try Notelint.run(["check", "--format", "json", "note.md"], in: folder.url)
        let initialized = try Notelint.run(["init"], in: folder.url)
        #expect(initialized.status == 0)
        #expect(initialized.stdout == "wrote ./.notelint.yml\n")
        let after = try Notelint.run(["check", "--format", "json", "note.md"], in: folder.url)
        #expect(after.status == before.status)
        #expect(after.stdout == before.stdout, "the written defaults must lint exactly like no configuration")
        let again = try Notelint.run(["init"], in: folder.url)
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists; use --force"))
        #expect(try Notelint.run(["init", "--force"], in: folder.url).status == 0)
    }

    @Test func theCommittedSchemaIsCurrent() throws {
        let run = try Notelint.run(["init", "--print-schema"])
        let committed = try String(contentsOf: PackagePaths.url("schema/notelint.schema.json"), encoding: .utf8)
        #expect(run.stdout == committed, "schema/notelint.schema.json is stale: run `swift run notelint generate-docs rules`")
    }
}
