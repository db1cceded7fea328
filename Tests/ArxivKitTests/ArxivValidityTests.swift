import ArxivKit
import Testing

/// Whether identifiers can exist (`ArxivIdentifier.problem`), and how links name them
/// (`ArxivReference.parse`).
@Suite struct ArxivValidityTests {
    /// "Now" for these tests: April 2021, so 2104 is the current month and 2105 the future.
    static func problem(_ text: String, year: Int = 2021, month: Int = 4) -> String? {
        ArxivIdentifier.problem(in: text, currentYear: year, currentMonth: month)
    }

    // MARK: Identifiers that can exist

    @Test(arguments: [
        "0704.0001", "0704.9999", "1412.9999", "1412.0001", "1501.00001", "1501.99999", "2104.09864", "2104.09864v1",
        "2104.09864v12", "2012.00001", "0912.1234v3",
        "hep-th/9901001", "hep-th/9901001v2", "math.GT/0309136", "math.GT/0309136v1", "astro-ph/0703001",
        "hep-th/9108001", "cond-mat/0001001", "cond-mat.str-el/0612001", "cs/9901001", "cmp-lg/9404001", "q-bio/0309001",
        "physics/0611001", "quant-ph/0703999",
    ])
    func canExist(_ text: String) {
        #expect(Self.problem(text) == nil)
        #expect(ArxivIdentifier.parse(text) != nil)
    }

    /// A parsed identifier's problem is its text's, with or without a version, valid or not.
    @Test(arguments: [
        "2104.09864", "2104.09864v3", "2105.00001", "1413.0001", "0703.0001", "1412.00001", "1501.0001", "hep-th/9901001v2",
        "foo/9901001", "hep-th/9913001", "hep-th/0801001", "0912.1234v3",
    ])
    func aParsedIdentifiersProblemIsItsTexts(_ text: String) throws {
        let identifier = try #require(ArxivIdentifier.parse(text))
        // Read once for both, the assessment says what the two questions say.
        let assessment = ArxivIdentifier.assessment(of: identifier, currentYear: 2021, currentMonth: 4)
        #expect(assessment.problem == Self.problem(text))
        let month = Self.problem(text) == nil ? identifier.newStyleMonth : nil
        #expect(assessment.newStyleMonth?.year == month?.year && assessment.newStyleMonth?.month == month?.month)
    }

    // MARK: A template's stand-ins

    @Test(arguments: ["YYMM.NNNNN", "XXXX.XXXXX", "xxxx.xxxxx", "2401.xxxxx", "2401.XXXXX", "0000.00000", "2104.00000", "0000.0000v1"])
    func templateStandIns(_ text: String) {
        #expect(ArxivIdentifier.isTemplate(text))
    }

    @Test(arguments: ["2104.09864", "0704.0001", "1602.0726", "2113.09864", "0000.00001", "hep-th/9901001", "XXXX", "2401"])
    func attemptsAtARealIdentifier(_ text: String) {
        #expect(!ArxivIdentifier.isTemplate(text))
    }

    @Test func theCurrentMonthCanExist() {
        #expect(Self.problem("2104.99999", year: 2021, month: 4) == nil)
        #expect(Self.problem("2112.00001", year: 2021, month: 12) == nil)
        #expect(Self.problem("2201.00001", year: 2022, month: 1) == nil)
    }

    // MARK: Identifiers that cannot

    @Test(arguments: [
        ("2100.00001", "`2100.00001` names month 00, which does not exist"),
        ("2113.09864", "`2113.09864` names month 13, which does not exist"),
        ("0713.0001", "`0713.0001` names month 13, which does not exist"),
        ("0700.0001", "`0700.0001` names month 00, which does not exist"),
        ("2113.09864v2", "`2113.09864` names month 13, which does not exist"),
        ("0612.0001", "`0612.0001` is before April 2007, when identifiers of this style began (0704)"),
        ("0703.9999", "`0703.9999` is before April 2007, when identifiers of this style began (0704)"),
        ("0001.0001", "`0001.0001` is before April 2007, when identifiers of this style began (0704)"),
        ("1501.0001", "`1501.0001` has a four-digit number, but identifiers from January 2015 on have five"),
        ("1601.0001", "`1601.0001` has a four-digit number, but identifiers from January 2015 on have five"),
        ("2104.0986", "`2104.0986` has a four-digit number, but identifiers from January 2015 on have five"),
        ("1412.00001", "`1412.00001` has a five-digit number, but identifiers before 2015 have four"),
        ("1401.00001", "`1401.00001` has a five-digit number, but identifiers before 2015 have four"),
        ("0704.00001", "`0704.00001` has a five-digit number, but identifiers before 2015 have four"),
        ("2105.00001", "`2105.00001` names May 2021, which has not come yet"),
        ("2201.00001", "`2201.00001` names Jan 2022, which has not come yet"),
        ("9912.00001", "`9912.00001` names Dec 2099, which has not come yet"),
        ("2104.09864v0", "`2104.09864v0` has version 0; versions start at v1"),
        ("hep-th/9901001v0", "`hep-th/9901001v0` has version 0; versions start at v1"),
        ("hep-th/9913001", "`hep-th/9913001` names month 13, which does not exist"),
        ("hep-th/9900001", "`hep-th/9900001` names month 00, which does not exist"),
        ("hep-th/9107001", "`hep-th/9107001`: old-style identifiers run from August 1991 to March 2007"),
        ("astro-ph/0704001", "`astro-ph/0704001`: old-style identifiers run from August 1991 to March 2007"),
        ("hep-th/1001001", "`hep-th/1001001`: old-style identifiers run from August 1991 to March 2007"),
        ("foo-bar/9901001", "`foo-bar/9901001`: `foo-bar` is not an arXiv archive"),
        ("hepth/9901001", "`hepth/9901001`: `hepth` is not an arXiv archive"),
        ("hep-th/99010", "`hep-th/99010` is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)"),
        ("hep-th/99010011", "`hep-th/99010011` is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)"),
        ("hep-th9901001", "`hep-th9901001` is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)"),
        ("/9901001", "`/9901001` is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)"),
        ("9901001", "`9901001` is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)"),
        ("21040.9864", "`21040.9864` is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)"),
        ("2104.098645", "`2104.098645` is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)"),
        ("2104.098", "`2104.098` is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)"),
        ("2104-09864", "`2104-09864` is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)"),
        ("", "`` is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)"),
    ])
    func cannotExist(_ text: String, _ reason: String) {
        #expect(Self.problem(text) == reason)
    }

    @Test func futureIsRelativeToTheGivenMonth() {
        #expect(Self.problem("2105.00001", year: 2021, month: 4) == "`2105.00001` names May 2021, which has not come yet")
        #expect(Self.problem("2105.00001", year: 2021, month: 5) == nil)
        #expect(Self.problem("2105.00001", year: 2022, month: 1) == nil)
        #expect(Self.problem("2201.00001", year: 2021, month: 12) == "`2201.00001` names Jan 2022, which has not come yet")
        // Old-style identifiers are all in the past whatever the month.
        #expect(Self.problem("astro-ph/0703001", year: 2007, month: 3) == nil)
    }

    /// The archive part of an old-style identifier is an archive, optionally `.SUBJECT`.
    @Test(arguments: ["math./0309136", "math..GT/0309136", "math.GT.x/0309136", ".math/0309136", "math.GT./0309136"])
    func malformedOldStyleArchive(_ text: String) {
        #expect(ArxivIdentifier.parse(text) == nil)
        #expect(Self.problem(text) == "`\(text)` is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)")
    }

    // MARK: Parsing identifiers

    @Test(
        arguments: [
            ("2104.09864", "2104.09864", nil),
            ("2104.09864v2", "2104.09864", 2),
            ("0704.0001v10", "0704.0001", 10),
            ("hep-th/9901001v2", "hep-th/9901001", 2),
            ("solv-int/9901001", "solv-int/9901001", nil),
            ("solv-int/9901001v3", "solv-int/9901001", 3),
            ("math.GT/0309136", "math.GT/0309136", nil),
            // Shape only: month 13 has the shape of an identifier.
            ("2113.09864", "2113.09864", nil),
        ] as [(String, String, Int?)])
    func parse(_ text: String, _ id: String, _ version: Int?) {
        let identifier = ArxivIdentifier.parse(text)
        #expect(identifier == ArxivIdentifier(id: id, version: version))
        #expect(identifier?.description == text)
    }

    @Test(arguments: ["2104.09864v0", "2104.09864v", "2104.09864V2", "v2", "2104.09864 ", "abs/2104.09864", "hep-th/99010"])
    func parseRejects(_ text: String) {
        #expect(ArxivIdentifier.parse(text) == nil)
    }

    @Test func newStyleMonth() {
        #expect(ArxivIdentifier(id: "1604.01356", version: nil).newStyleMonth! == (2016, 4))
        #expect(ArxivIdentifier(id: "0704.0001", version: 2).newStyleMonth! == (2007, 4))
        #expect(ArxivIdentifier(id: "2112.00001", version: nil).newStyleMonth! == (2021, 12))
        #expect(ArxivIdentifier(id: "hep-th/9901001", version: nil).newStyleMonth == nil)
        #expect(ArxivIdentifier(id: "math.GT/0309136", version: nil).newStyleMonth == nil)
    }

    @Test func monthNames() {
        #expect(
            (1...12).map(ArxivIdentifier.monthName)
                == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
    }

    // MARK: Link forms

    /// Every form of rules/link-arxiv-form.md, and then some: identifier as written,
    /// identifier, whether canonical, and the canonical link.
    @Test(arguments: [
        ("https://arxiv.org/abs/2104.09864", "2104.09864", true, "https://arxiv.org/abs/2104.09864"),
        ("https://arxiv.org/abs/2106.04570v1", "2106.04570v1", true, "https://arxiv.org/abs/2106.04570v1"),
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001", true, "https://arxiv.org/abs/hep-th/9901001"),
        ("https://arxiv.org/abs/math.GT/0309136v2", "math.GT/0309136v2", true, "https://arxiv.org/abs/math.GT/0309136v2"),
        ("https://arxiv.org/pdf/2104.09864v2.pdf", "2104.09864v2", false, "https://arxiv.org/abs/2104.09864v2"),
        ("https://arxiv.org/pdf/2104.09864v2", "2104.09864v2", false, "https://arxiv.org/abs/2104.09864v2"),
        ("https://arxiv.org/pdf/2104.09864", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        ("https://arxiv.org/pdf/2104.09864.PDF", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        ("https://arxiv.org/pdf/hep-th/9901001v1.pdf", "hep-th/9901001v1", false, "https://arxiv.org/abs/hep-th/9901001v1"),
        ("http://arxiv.org/abs/2104.09864", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        ("http://export.arxiv.org/abs/hep-th/9901001", "hep-th/9901001", false, "https://arxiv.org/abs/hep-th/9901001"),
        ("https://export.arxiv.org/abs/1502.03808", "1502.03808", false, "https://arxiv.org/abs/1502.03808"),
        ("https://www.arxiv.org/abs/2104.09864", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        ("http://www.arxiv.org/pdf/2104.09864v3.pdf", "2104.09864v3", false, "https://arxiv.org/abs/2104.09864v3"),
        ("arXiv:2104.09864", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        ("arxiv:2104.09864v2", "2104.09864v2", false, "https://arxiv.org/abs/2104.09864v2"),
        ("ARXIV:hep-th/9901001", "hep-th/9901001", false, "https://arxiv.org/abs/hep-th/9901001"),
        ("arXiv:math.GT/0309136", "math.GT/0309136", false, "https://arxiv.org/abs/math.GT/0309136"),
        ("https://doi.org/10.48550/arXiv.2104.09864", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        ("http://doi.org/10.48550/arXiv.2104.09864", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        ("https://dx.doi.org/10.48550/arXiv.2104.09864", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        ("http://dx.doi.org/10.48550/ARXIV.2104.09864", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        // Query strings, fragments and a trailing slash are dropped from the canonical link.
        ("https://arxiv.org/abs/2104.09864?context=cs", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        ("https://arxiv.org/abs/2104.09864v2#S3", "2104.09864v2", false, "https://arxiv.org/abs/2104.09864v2"),
        ("https://arxiv.org/abs/2104.09864/", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        ("https://arxiv.org/abs/2104.09864v2/?x=1#y", "2104.09864v2", false, "https://arxiv.org/abs/2104.09864v2"),
        ("https://arxiv.org/pdf/2104.09864v2.pdf?download=1", "2104.09864v2", false, "https://arxiv.org/abs/2104.09864v2"),
        ("https://www.arxiv.org/abs/0704.0001/", "0704.0001", false, "https://arxiv.org/abs/0704.0001"),
        // Upper-case schemes, hosts and paths are arXiv links, never canonical.
        ("HTTPS://ARXIV.ORG/abs/2104.09864", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        ("https://arXiv.org/abs/2104.09864", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        ("https://arxiv.org/ABS/2104.09864", "2104.09864", false, "https://arxiv.org/abs/2104.09864"),
        ("HTTP://EXPORT.ARXIV.ORG/PDF/2104.09864V2.PDF", "2104.09864V2", false, ""),
        // Blanks around the link are not part of it.
        ("  https://arxiv.org/abs/2104.09864\t", "2104.09864", true, "https://arxiv.org/abs/2104.09864"),
    ])
    func linkForms(_ link: String, _ raw: String, _ canonical: Bool, _ canonicalLink: String) throws {
        let reference = try #require(ArxivReference.parse(link))
        #expect(reference.rawIdentifier == raw)
        #expect(reference.isCanonical == canonical)
        #expect(reference.canonicalLink == (canonicalLink.isEmpty ? nil : canonicalLink))
        #expect(reference.identifier == ArxivIdentifier.parse(raw))
        #expect(ArxivReference.identifier(inLink: link) == reference.identifier)
    }

    /// Links that point at arXiv but name no well-formed identifier: a reference (so
    /// `arxiv-id-invalid` can say why) with no identifier, never canonical.
    @Test(arguments: [
        ("https://arxiv.org/abs/2104.0986x", "2104.0986x"),
        ("https://arxiv.org/abs/hep-th/99010", "hep-th/99010"),
        ("https://arxiv.org/abs/2104.09864v0", "2104.09864v0"),
        ("https://arxiv.org/abs/", ""),
        ("arXiv:abc", "abc"),
        ("arXiv:", ""),
        ("https://doi.org/10.48550/arXiv.nonsense", "nonsense"),
    ])
    func arxivLinksWithoutAnIdentifier(_ link: String, _ raw: String) throws {
        let reference = try #require(ArxivReference.parse(link))
        #expect(reference.rawIdentifier == raw)
        #expect(reference.identifier == nil)
        #expect(reference.isCanonical == false)
        #expect(reference.canonicalLink == nil)
    }

    /// A well-formed identifier that cannot exist is still written canonically: shape and
    /// validity are separate questions (`arxiv-id-invalid` asks the second).
    @Test func canonicalButInvalid() throws {
        let reference = try #require(ArxivReference.parse("https://arxiv.org/abs/2113.09864"))
        #expect(reference.isCanonical)
        #expect(reference.identifier == ArxivIdentifier(id: "2113.09864", version: nil))
        #expect(
            ArxivIdentifier.problem(in: reference.rawIdentifier, currentYear: 2021, currentMonth: 4)
                == "`2113.09864` names month 13, which does not exist")
    }

    @Test(arguments: [
        "https://example.org/2104.09864.pdf",
        "https://example.org/abs/2104.09864",
        "https://arxiv.org.example.com/abs/2104.09864",
        "https://notarxiv.org/abs/2104.09864",
        "https://arxiv.org/list/cs.CL/recent",
        "https://arxiv.org/",
        "https://arxiv.org",
        "https://arxiv.org/abs",
        "https://arxiv.org?abs/2104.09864",
        "https://arxiv.org:443/abs/2104.09864",
        "ftp://arxiv.org/abs/2104.09864",
        "arxiv.org/abs/2104.09864",
        "www.arxiv.org/abs/2104.09864",
        "2104.09864",
        "hep-th/9901001",
        "https://doi.org/10.1000/xyz123",
        "https://doi.org/10.48550/2104.09864",
        "doi:10.48550/arXiv.2104.09864",
        "<https://arxiv.org/abs/2104.09864>",
        "",
        "   ",
    ])
    func notArxivLinks(_ link: String) {
        #expect(ArxivReference.parse(link) == nil)
    }
}
