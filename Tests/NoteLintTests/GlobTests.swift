import NoteLint
import Testing

@Suite struct GlobTests {
    @Test(arguments: [
        ("fixtures/**", "fixtures/a.md", true),
        ("fixtures/**", "fixtures/deep/b.md", true),
        ("fixtures/**", "notes/fixtures.md", false),
        ("fixtures/", "fixtures/a.md", true),
        ("*.draft.md", "notes/today.draft.md", true),
        ("*.draft.md", "today.md", false),
        ("drafts", "notes/drafts/a.md", true),
        ("**/archive/*.md", "x/archive/a.md", true),
        ("**/archive/*.md", "archive/a.md", true),
        ("**/archive/*.md", "x/archive/deeper/a.md", false),
        ("notes/?.md", "notes/a.md", true),
        ("notes/?.md", "notes/ab.md", false),
        ("./notes/*.md", "notes/a.md", true),
    ])
    func matches(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }
}
