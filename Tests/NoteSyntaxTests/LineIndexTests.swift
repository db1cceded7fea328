import Testing
@testable import NoteSyntax

@Test func placeholder() { #expect(LineIndex(Array("a\nb".utf8)).lineCount == 2) }
