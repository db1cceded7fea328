import ArxivKit
import Testing

@Suite struct ArxivIdentifierTests {
    @Test(
        arguments: [
            ("https://arxiv.org/abs/2104.09864", "2104.09864", nil),
            ("https://arxiv.org/abs/2106.04570v1", "2106.04570", 1),
            ("http://arxiv.org/pdf/2104.09864v2.pdf", "2104.09864", 2),
            ("https://arxiv.org/pdf/2104.09864", "2104.09864", nil),
            ("https://export.arxiv.org/abs/1502.03808", "1502.03808", nil),
            ("https://www.arxiv.org/abs/0704.0001/", "0704.0001", nil),
            ("arXiv:2104.09864", "2104.09864", nil),
            ("https://doi.org/10.48550/arXiv.2104.09864", "2104.09864", nil),
            ("https://arxiv.org/abs/hep-th/9901001v3", "hep-th/9901001", 3),
            ("https://arxiv.org/abs/math.GT/0309136", "math.GT/0309136", nil),
        ] as [(String, String, Int?)])
    func recognisesLinkForms(_ link: String, _ id: String, _ version: Int?) {
        let identifier = ArxivReference.identifier(inLink: link)
        #expect(identifier?.id == id)
        #expect(identifier?.version == version)
    }

    @Test(arguments: [
        "https://example.org/abs/2104.09864",
        "https://arxiv.org/list/cs.CL/recent",
        "https://arxiv.org/abs/21040.9864",
        "ftp://arxiv.org/abs/2104.09864",
        "2104.09864",
        "arXiv:abc",
    ])
    func rejectsOtherLinks(_ link: String) {
        #expect(ArxivReference.identifier(inLink: link) == nil)
    }
}
