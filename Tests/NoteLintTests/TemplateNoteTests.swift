import NoteSyntax
import Testing

@testable import NoteLint

/// `TemplateNote.isInTemplatesFolder` reads bytes; it answers as splitting the path into
/// Characters and lowercasing each folder's name did.
@Suite struct TemplateNoteTests {
    static func bySplitting(_ path: String) -> Bool {
        path.split(separator: "/").dropLast().contains { $0.lowercased().contains(ascii: "template") }
    }

    static let pieces = [
        "template", "Templates", "_TEMPLATES", "ISSUE_TEMPLATE", "930_Templates", "99 - Templates", "templat", "emplate",
        "tem/plate", "notes", "a.md", "", "/", "//", "İ", "\u{212A}", "ＴＥＭＰＬＡＴＥ", "te\u{301}mplate", "TEMPLATE\u{301}", "é",
        "📝", "template.md", ".github", "x",
    ]

    @Test func answersAsSplittingDid() {
        for path in PathSamples.paths(from: Self.pieces) {
            #expect(TemplateNote.isInTemplatesFolder(path) == Self.bySplitting(path), "\(path)")
        }
    }

    @Test func foldersNotTheFile() {
        #expect(TemplateNote.isInTemplatesFolder(".github/ISSUE_TEMPLATE/bug.md"))
        #expect(TemplateNote.isInTemplatesFolder("vault/930_Templates/paper.md"))
        #expect(!TemplateNote.isInTemplatesFolder("notes/template.md"))
        #expect(!TemplateNote.isInTemplatesFolder("template.md"))
    }
}
