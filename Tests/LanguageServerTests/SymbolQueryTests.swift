import Testing

@testable import LanguageServer

/// A workspace symbol matches a query when its search text holds the query, ignoring case,
/// wherever the query's rarest byte (where the search starts) lies in it.
@Suite struct SymbolQueryTests {
    static func symbol(_ text: String) -> WorkspaceSymbolIndex.Symbol {
        WorkspaceSymbolIndex.Symbol(json: Array("{}".utf8), searchText: Array(text.lowercased().utf8))
    }

    @Test(arguments: [
        ("a theory of everything", "THE", true), ("mathematics", "the", true), ("a theory", "hex", false),
        ("rotary position embeddings", "embeddings", true), ("rotary", "rotary embeddings", false),
        ("https://arxiv.org/abs/2104.09864", "arxiv.org/abs/21", true), ("https://arxiv.org/abs/2204.09864", "abs/21", false),
        ("zzz at the end", "end", true), ("étude des modèles", "modèles", true), ("x", "", true), ("", "a", false),
        ("aaab", "aab", true), ("abab", "bab", true),
    ])
    func aSymbolMatchesWhatItHolds(text: String, query: String, matches: Bool) {
        #expect(Self.symbol(text).matches(WorkspaceSymbolIndex.Query(query)) == matches)
    }
}
