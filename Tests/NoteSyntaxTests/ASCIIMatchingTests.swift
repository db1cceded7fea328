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
}
