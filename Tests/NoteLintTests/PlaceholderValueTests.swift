import Testing

@testable import NoteLint

/// `PlaceholderValue`: a template's stand-ins, short words and bracketed descriptions, and not
/// the values that look like them.
@Suite struct PlaceholderValueTests {
    @Test(arguments: [
        ("TBD", true), ("tbd", true), ("?", true), ("-", true), ("...", true), ("—", true), ("[DOI or PDF link]", true),
        ("{{url}}", true), ("<paper url>", true), ("<url>", true), ("[a]", true), ("[Paper](https://arxiv.org/abs/2104.09864)", false),
        ("[a](b) and [c]", false), ("<https://arxiv.org/abs/2104.09864>", false), ("Attention Is All You Need", false),
        ("https://arxiv.org/abs/2104.09864", false), ("[]", true), ("{}", true), ("2021", false), ("[Link] (draft)", false),
        ("[a long description of the link to come]", true), ("x", false),
    ])
    func isPlaceholder(_ value: String, _ expected: Bool) {
        #expect(PlaceholderValue.isPlaceholder(value) == expected)
    }
}
