import ArxivKit

extension RuleExamples {
    /// What the rule examples assume the arXiv cache holds: 2104.09864 (RoFormer, v1 of
    /// 20 Apr 2021, cs.CL; cs.AI; cs.LG), 1604.01356 (v1 of 5 Apr 2016, astro-ph.EP;
    /// astro-ph.IM; physics.pop-ph), 2301.00002 withdrawn in its latest version (v2), and
    /// that 2301.99999 does not exist.
    public static let arxivMetadata = ArxivMetadataTable([
        "2104.09864": .found(
            ArxivMetadata(
                id: "2104.09864", version: 5, title: "RoFormer: Enhanced Transformer with Rotary Position Embedding",
                summary: "Position encoding recently has shown effective in the transformer architecture.",
                authors: ["Jianlin Su", "Yu Lu"], published: "2021-04-20T09:54:06Z", updated: "2023-11-08T13:36:32Z",
                submitted: .init(year: 2021, month: 4, day: 20), primaryCategory: "cs.CL", categories: ["cs.CL", "cs.AI", "cs.LG"])),
        "1604.01356": .found(
            ArxivMetadata(
                id: "1604.01356", version: 4, title: "A Roadmap to Interstellar Flight",
                summary: "In the nearly 60 years of spaceflight we have accomplished wonderful feats of exploration.",
                authors: ["Philip Lubin"], published: "2016-04-05T19:59:21Z", updated: "2016-10-31T20:04:45Z",
                submitted: .init(year: 2016, month: 4, day: 5), primaryCategory: "astro-ph.EP",
                categories: ["astro-ph.EP", "astro-ph.IM", "physics.pop-ph"])),
        "2301.00002": .found(
            ArxivMetadata(
                id: "2301.00002", version: 2, title: "A Withdrawn Example", summary: "This paper has been withdrawn by the authors.",
                authors: ["A. Author"], published: "2023-01-01T00:00:00Z", updated: "2023-02-01T00:00:00Z",
                submitted: .init(year: 2023, month: 1, day: 1), primaryCategory: "cs.LG", categories: ["cs.LG"],
                comment: "This paper has been withdrawn: an error in the proof of Lemma 2")),
        "2301.99999": .notFound,
    ])
}
