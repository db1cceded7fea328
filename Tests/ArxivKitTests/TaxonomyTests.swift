import Foundation
import TestSupport
import Testing

@testable import ArxivKit

/// `ArxivTaxonomy` against `data/arxiv-taxonomy.json`, the file `TaxonomyData.swift` is
/// generated from: when this fails, run `python3 scripts/generate-taxonomy.py`.
@Suite struct TaxonomyTests {
    struct Taxonomy {
        let categories: [[String: Any]]
        let aliases: [String: String]
        let subsumedArchives: [String: String]
    }

    static func load() throws -> Taxonomy {
        let url = PackagePaths.url("data/arxiv-taxonomy.json")
        let bytes = try #require(FileManager.default.contents(atPath: url.path), "cannot read \(url.path)")
        let object = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        return Taxonomy(
            categories: try #require(object["categories"] as? [[String: Any]]),
            aliases: try #require(object["aliases"] as? [String: String]),
            subsumedArchives: try #require(object["subsumed_archives"] as? [String: String]))
    }

    @Test func everyCategoryInTheDataIsInTheTaxonomy() throws {
        let data = try Self.load()
        #expect(data.categories.count > 150)
        #expect(ArxivTaxonomy.categories.count == data.categories.count)
        for entry in data.categories {
            let id = try #require(entry["id"] as? String)
            let name = try #require(entry["name"] as? String)
            let active = try #require(entry["active"] as? Bool)
            let archive = try #require(entry["archive"] as? String)
            let category = ArxivTaxonomy.category(id)
            #expect(category == ArxivCategory(id: id, name: name, isActive: active, archive: archive), "\(id)")
        }
        // Same order too: the generator writes the data's order.
        #expect(ArxivTaxonomy.categories.map(\.id) == data.categories.compactMap { $0["id"] as? String })
    }

    @Test func aliasesMatchTheData() throws {
        let data = try Self.load()
        #expect(data.aliases.count > 0)
        #expect(ArxivTaxonomy.aliases == data.aliases)
        for (alias, canonical) in data.aliases {
            #expect(ArxivTaxonomy.isKnown(alias), "\(alias)")
            #expect(ArxivTaxonomy.isKnown(canonical), "\(canonical)")
        }
    }

    @Test func subsumedArchivesMatchTheData() throws {
        let data = try Self.load()
        #expect(data.subsumedArchives.count > 0)
        #expect(ArxivTaxonomy.subsumedArchives == data.subsumedArchives)
        for (archive, category) in data.subsumedArchives {
            #expect(ArxivTaxonomy.category(archive)?.isActive == false, "\(archive)")
            #expect(ArxivTaxonomy.isKnown(category), "\(category)")
        }
    }

    @Test func archivesAreTheCategoriesArchives() throws {
        let data = try Self.load()
        #expect(ArxivTaxonomy.archives == Set(data.categories.compactMap { $0["archive"] as? String }))
        for archive in ["hep-th", "math", "cs", "cond-mat", "astro-ph", "cmp-lg", "q-bio", "physics"] {
            #expect(ArxivTaxonomy.archives.contains(archive), "\(archive)")
        }
    }

    @Test func codesAreUniqueIgnoringCase() {
        let lowered = ArxivTaxonomy.categories.map { $0.id.lowercased() }
        #expect(Set(lowered).count == lowered.count)
    }

    // MARK: Looking codes up

    @Test(arguments: [
        ("cs.CL", "cs.CL", "Computation and Language", true, "cs"),
        ("cs.cl", "cs.CL", "Computation and Language", true, "cs"),
        ("CS.CL", "cs.CL", "Computation and Language", true, "cs"),
        ("Cs.Cl", "cs.CL", "Computation and Language", true, "cs"),
        ("hep-th", "hep-th", "High Energy Physics - Theory", true, "hep-th"),
        ("HEP-TH", "hep-th", "High Energy Physics - Theory", true, "hep-th"),
        ("astro-ph.he", "astro-ph.HE", "High Energy Astrophysical Phenomena", true, "astro-ph"),
        ("COND-MAT.STR-EL", "cond-mat.str-el", "Strongly Correlated Electrons", true, "cond-mat"),
        ("math.mp", "math.MP", "Mathematical Physics", true, "math"),
        ("CMP-LG", "cmp-lg", "Computation and Language", false, "cmp-lg"),
        ("adap-org", "adap-org", "Adaptation, Noise, and Self-Organizing Systems", false, "adap-org"),
        ("stat.ml", "stat.ML", "Machine Learning", true, "stat"),
    ])
    func categoryIgnoresCase(_ code: String, _ id: String, _ name: String, _ active: Bool, _ archive: String) {
        #expect(ArxivTaxonomy.category(code) == ArxivCategory(id: id, name: name, isActive: active, archive: archive))
        #expect(ArxivTaxonomy.properCode(code) == id)
        #expect(ArxivTaxonomy.isKnown(code))
    }

    @Test(arguments: ["cs.CLL", "cs.XY", "cs", "math", "physics", "", " cs.CL", "cs.CL ", "cs_CL", "hepth"])
    func unknownCodes(_ code: String) {
        #expect(ArxivTaxonomy.category(code) == nil)
        #expect(ArxivTaxonomy.properCode(code) == nil)
        #expect(ArxivTaxonomy.isKnown(code) == false)
    }

    /// The table of exact codes finds every code as written, and only as written.
    @Test func exactCodesAreFoundByTheirBytes() {
        for category in ArxivTaxonomy.categories {
            #expect(ArxivTaxonomy.exactCategory(category.id) == category)
            let upper = category.id.uppercased()
            if upper != category.id { #expect(ArxivTaxonomy.exactCategory(upper) == nil, "\(upper)") }
            #expect(ArxivTaxonomy.exactCategory(category.id + "x") == nil)
        }
        #expect(ArxivTaxonomy.exactCategory("") == nil)
    }

    @Test func properCodeRestoresEveryCode() {
        for category in ArxivTaxonomy.categories {
            #expect(ArxivTaxonomy.properCode(category.id.uppercased()) == category.id)
            #expect(ArxivTaxonomy.properCode(category.id.lowercased()) == category.id)
        }
    }
}
