import ArxivKit
import Testing

/// Whether a link, rewritten to `https://arxiv.org/abs/ID`, keeps its target: the form says.
@Suite struct ArxivReferenceFormTests {
    @Test(
        arguments: [
            ("https://arxiv.org/abs/2104.09864", ArxivReference.Form.canonical),
            ("http://arxiv.org/abs/2104.09864v2", .abstractPageRespelled),
            ("HTTPS://ArXiv.org/abs/2104.09864", .abstractPageRespelled),
            ("https://www.arxiv.org/abs/2104.09864", .abstractPageVariant),
            ("https://export.arxiv.org/abs/2104.09864", .abstractPageVariant),
            ("https://arxiv.org/ABS/2104.09864", .abstractPageVariant),
            ("https://arxiv.org/abs/2104.09864/", .abstractPageVariant),
            ("https://arxiv.org/abs/2104.09864?context=cs", .abstractPageVariant),
            ("https://arxiv.org/abs/2104.09864#S3", .abstractPageVariant),
            ("https://arxiv.org/abs/2104.09864v02", .abstractPageVariant),
            ("https://arxiv.org/abs/2104.09864v", .abstractPageVariant),
            ("https://arxiv.org/abs/2104..09864", .abstractPageVariant),
            ("https://arxiv.org/abs/", .abstractPageVariant),
            ("https://arxiv.org/abs/2104.09864v1", .canonical),
            ("https://arxiv.org/abs/0704.0001 ", .canonical),
            ("https://arxiv.org/abs/2104.09864.pdf", .abstractPageWithPDFSuffix),
            ("https://arxiv.org/pdf/2104.09864", .pdf),
            ("https://arxiv.org/pdf/2104.09864v2.pdf", .pdf),
            ("arXiv:2104.09864", .prefixedIdentifier),
            ("https://doi.org/10.48550/arXiv.2104.09864", .doi),
        ] as [(String, ArxivReference.Form)])
    func formOfALink(_ link: String, _ form: ArxivReference.Form) throws {
        #expect(try #require(ArxivReference.parse(link)).form == form)
    }

    /// `abs/ID.pdf` names the paper (so the fix can point at its abstract page) but is no page.
    @Test func anAbstractLinkEndingInPDFNamesItsIdentifier() throws {
        let reference = try #require(ArxivReference.parse("https://arxiv.org/abs/2104.09864v1.pdf"))
        #expect(reference.identifier == ArxivIdentifier(id: "2104.09864", version: 1))
        #expect(reference.isCanonical == false)
        #expect(reference.canonicalLink == "https://arxiv.org/abs/2104.09864v1")
    }
}
