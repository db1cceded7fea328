import Testing

@testable import ArxivKit

@Suite struct TitleKeyTests {
    @Test func asciiTitlesReadAsBytesGiveTheKeyCharactersGive() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "Attention", " is", "ALL", "  ", "-", "$\\alpha$", "{B}", "2.0", ":", "you", "\t", "need.", "GPT-4", "x_1^2", "(", ")",
        ]
        for _ in 0..<2000 {
            let title = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TitleKey.asciiKey(title) == TitleKey.characterKey(title), "\(title)")
        }
        #expect(TitleKey("$\\alpha$-Decay").text == "alpha decay")
        #expect(TitleKey.asciiKey("Müller") == nil, "not ASCII: read as characters")
        #expect(TitleKey("Müller's  Theorem").text == "müller s theorem")
    }
}
