import Testing

@testable import NoteLint

/// `LinkFragment.firstColon` finds the `:` Character that `firstIndex(of:)` finds.
@Suite struct LinkFragmentAnchorTests {
    @Test func firstColonAsCharacters() {
        let texts = [
            "", ":", "DEP0111: process.binding()", "no colon", "a:b:c", "é: x", ":\u{301} then : plain", "x :\u{301}", "\u{301}:",
            "日本: 語", "a\r\n: b", "emoji 📝: x", "  : lead",
        ]
        for text in texts {
            #expect(LinkFragment.firstColon(in: text) == text.firstIndex(of: ":"), "\(text.debugDescription)")
        }
    }
}
