import ArxivKit
import Testing

@Suite struct LayeredMetadataSourceTests {
    static func paper(_ id: String, _ title: String) -> ArxivLookup {
        .found(
            ArxivMetadata(
                id: id, version: 1, title: title, summary: "", authors: [], published: "", updated: "",
                submitted: .init(year: 2021, month: 1, day: 1), primaryCategory: "cs.LG", categories: []))
    }

    @Test func theFirstFindsThenTheSecondAnswersThenTheFirstsMissing() {
        let index = ArxivMetadataTable(["2101.00001": Self.paper("2101.00001", "From the index"), "2101.00002": .notFound])
        let cache = ArxivMetadataTable([
            "2101.00001": Self.paper("2101.00001", "From the cache"), "2101.00002": Self.paper("2101.00002", "Newer than the index"),
            "2101.00003": .notFound,
        ])
        let layers = LayeredMetadataSource(index, then: cache)
        #expect(layers.lookup(ArxivIdentifier(id: "2101.00001", version: nil)) == Self.paper("2101.00001", "From the index"))
        #expect(layers.lookup(ArxivIdentifier(id: "2101.00002", version: nil)) == Self.paper("2101.00002", "Newer than the index"))
        #expect(layers.lookup(ArxivIdentifier(id: "2101.00003", version: nil)) == .notFound)
        #expect(layers.lookup(ArxivIdentifier(id: "2101.00004", version: nil)) == nil)
        #expect(
            LayeredMetadataSource(index, then: ArxivMetadataTable([:])).lookup(ArxivIdentifier(id: "2101.00002", version: nil)) == .notFound
        )
        #expect(layers.fingerprint.contains(index.fingerprint) && layers.fingerprint.contains(cache.fingerprint))
    }

    @Test func aWithdrawalIsReadFromTheCommentOrTheAbstractUnlessTheSourceSaid() {
        func metadata(comment: String?, summary: String, withdrawn: Bool? = nil) -> ArxivMetadata {
            ArxivMetadata(
                id: "2101.00001", version: 2, title: "T", summary: summary, authors: [], published: "", updated: "",
                submitted: .init(year: 2021, month: 1, day: 1), primaryCategory: "cs.LG", categories: [], comment: comment,
                withdrawn: withdrawn)
        }
        #expect(metadata(comment: "Paper WITHDRAWN: error in Lemma 2", summary: "An abstract.").isWithdrawn)
        #expect(metadata(comment: nil, summary: "This paper has been withdrawn by the authors.").isWithdrawn)
        #expect(!metadata(comment: "12 pages", summary: "An abstract.").isWithdrawn)
        #expect(metadata(comment: "12 pages", summary: "An abstract.", withdrawn: true).isWithdrawn)
    }
}
