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

/// `LinkInvalid.secondPart` finds the part `split(separator: ":").dropFirst().first` finds.
@Suite struct LinkInvalidPartsTests {
    @Test func secondPartAsSplitting() {
        let pieces = ["", ":", "::", "a", "bc", "8080", "é", "[", "x:y"]
        var texts: [String] = []
        for first in pieces {
            for second in pieces {
                for third in pieces { texts.append(first + second + third) }
            }
        }
        for text in texts {
            let expected = text.utf8.split(separator: UInt8(ascii: ":")).dropFirst().first.map { Array($0) }
            let found = LinkInvalid.secondPart(of: Substring(text).utf8).map { Array($0) }
            #expect(found == expected, "\(text.debugDescription)")
        }
    }
}
