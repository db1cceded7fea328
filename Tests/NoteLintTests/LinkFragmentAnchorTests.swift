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

/// `LinkInvalid.problem(in:)` takes `PlainWebAddress`'s shortcut for the usual link; it answers
/// as reading the link through every case does.
@Suite struct LinkInvalidFastPathTests {
    static let pieces = [
        "https://", "http://", "HTTPS://", "https//", "htps://", "arxiv:", "/", "//", "~/", "./", "../", "example.org", "arxiv.org",
        ".", "..", ":", ":8080", ":80:90", ":x", "@", "user@", "[::1]", "[", "]", "?", "#", "a", "-", "_", "%20", "%C2%A0",
        "abs/2104.09864", "pdf/2104.09864.pdf", "https://x.org", "2402.05https://y.org", " ", "\t", "é", "!", "=", "/.", "github",
        "www.", "",
    ]

    @Test func answersAsEveryCaseDoes() {
        var generator = SystemRandomNumberGenerator()
        var links: [String] = []
        for first in Self.pieces {
            for second in Self.pieces { links.append("https://" + first + second) }
        }
        for _ in 0..<20_000 {
            let scheme = Bool.random(using: &generator) ? "https://example.org" : ""
            links.append(
                scheme + (0..<Int.random(in: 1...6, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined())
        }
        var shortcuts = 0
        for link in links {
            if PlainWebAddress.restStart(of: link) != nil { shortcuts += 1 }
            #expect(LinkInvalid.problem(in: link) == LinkInvalid.generalProblem(in: link), "\(link.debugDescription)")
        }
        #expect(shortcuts > links.count / 20)
    }
}

/// `LinkInvalid.problem(inProseTarget:)` takes `ProseTargetShape`'s shortcut for relative targets
/// and plain web addresses; it answers as reading the target through every case does.
@Suite struct ProseTargetFastPathTests {
    static let pieces =
        LinkInvalidFastPathTests.pieces + [
            "](", "](x)", "[x]", "(", ")", "\\url{", "}", "HTTP://", "h", "W", "Www.", "docs/usage.md", "#install", "mailto:a@b.org",
        ]

    @Test func answersAsEveryCaseDoes() {
        var generator = SystemRandomNumberGenerator()
        var targets: [String] = []
        for first in Self.pieces {
            for second in Self.pieces { targets.append(first + second) }
        }
        for _ in 0..<20_000 {
            targets.append(
                (0..<Int.random(in: 1...5, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined())
        }
        var shapes: [ProseTargetShape: Int] = [:]
        for target in targets {
            var copy = target
            shapes[copy.withUTF8(ProseTargetShape.init), default: 0] += 1
            #expect(
                LinkInvalid.problem(inProseTarget: target) == LinkInvalid.generalProblem(inProseTarget: target),
                "\(target.debugDescription)")
        }
        // Each shortcut is taken often enough for the comparison to mean something.
        #expect(shapes[.relative, default: 0] > targets.count / 50)
        #expect(shapes[.webAddress, default: 0] > targets.count / 50)
    }
}
