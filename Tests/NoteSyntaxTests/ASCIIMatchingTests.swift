import NoteSyntax
import Testing

@Suite struct ASCIIMatchingTests {
    @Test func findsASCIITextByteForByte() {
        #expect("https://arxiv.org".contains(ascii: "://"))
        #expect(!"https//arxiv.org".contains(ascii: "://"))
        #expect("a](b".firstUTF8Offset(of: "](") == 1)
        #expect("été://x".firstUTF8Offset(of: "://") == 5, "the offset counts UTF-8 bytes")
        #expect(":://".firstUTF8Offset(of: "://") == 1, "a partial match before the real one")
        #expect("ab".firstUTF8Offset(of: "abc") == nil, "a needle longer than the text")
        #expect("".firstUTF8Offset(of: "") == 0)
        let slice = "xx[^note] and [^other]".dropFirst(3)
        #expect(slice.firstUTF8Offset(of: "[^") == 11, "a substring's offsets start at its own start")
    }

    @Test func comparesAPrefixInEitherCase() {
        #expect("WWW.example.org".hasPrefix(asciiIgnoringCase: "www."))
        #expect("Https//arxiv.org".hasPrefix(asciiIgnoringCase: "https//"))
        #expect(!"ww".hasPrefix(asciiIgnoringCase: "www."))
        #expect(!"w1w.".hasPrefix(asciiIgnoringCase: "www."))
        #expect(!"[ww.".hasPrefix(asciiIgnoringCase: "{ww."), "only letters fold")
    }

    @Test func whitespaceIsFoundAsCharactersFindIt() {
        for text in ["a b", "a\tb", "a\nb", "a\r\nb", "a\u{A0}b", "a\u{2003}b", "a\u{3000}b", "é b"] {
            #expect(text.containsWhitespace == text.contains(where: \.isWhitespace), "\(text.debugDescription)")
            #expect(text.containsWhitespace)
        }
        for text in ["ab", "étude", "例え.jp", "a\u{200B}b", ""] {
            #expect(text.containsWhitespace == text.contains(where: \.isWhitespace), "\(text.debugDescription)")
            #expect(!text.containsWhitespace)
        }
    }

    /// Strings and substrings, read in their storage, answer as Characters and lowered bytes do.
    @Test func storageReadsAnswerAsCharactersDo() {
        let pieces = ["a", "B", " ", "\t", "\r\n", "é", "\u{A0}", "\u{200B}", "w", "W", ".", "例", "://"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let slice = text.dropFirst()
            #expect(text.containsWhitespace == text.contains(where: \.isWhitespace), "\(text.debugDescription)")
            #expect(slice.containsWhitespace == slice.contains(where: \.isWhitespace), "\(text.debugDescription)")
            let lowered = Array(text.utf8.map(ASCIIByte.lowercased))
            #expect(text.hasPrefix(asciiIgnoringCase: "ww.") == lowered.starts(with: Array("ww.".utf8)), "\(text.debugDescription)")
            #expect(
                slice.hasPrefix(asciiIgnoringCase: "w") == lowered.dropFirst(text.first.map { $0.utf8.count } ?? 0).starts(with: [0x77]))
        }
    }
}
