import Testing

@testable import ArxivIndex

@Suite struct LocationTests {
    @Test func optionThenEnvironmentThenXDGDataHome() {
        let environment = ["HOME": "/home/u", "XDG_DATA_HOME": "/data", "NOTELINT_ARXIV_DB": "/env/arxiv.sqlite"]
        #expect(IndexLocation.path(option: "/opt/a.sqlite", environment: environment) == "/opt/a.sqlite")
        #expect(IndexLocation.path(option: nil, environment: environment) == "/env/arxiv.sqlite")
        #expect(
            IndexLocation.path(option: nil, environment: ["HOME": "/home/u", "XDG_DATA_HOME": "/data"]) == "/data/notelint/arxiv.sqlite")
        #expect(IndexLocation.path(option: nil, environment: ["HOME": "/home/u"]) == "/home/u/.local/share/notelint/arxiv.sqlite")
        #expect(
            IndexLocation.path(option: nil, environment: ["HOME": "/home/u", "XDG_DATA_HOME": "relative"])
                == "/home/u/.local/share/notelint/arxiv.sqlite")
    }

    @Test func versionStampsBecomeDays() {
        #expect(SnapshotDate.day(Array("Mon, 2 Apr 2007 19:18:42 GMT".utf8)) == "2007-04-02")
        #expect(SnapshotDate.day(Array("Tue, 24 Jul 2007 20:10:27 GMT".utf8)) == "2007-07-24")
        #expect(SnapshotDate.day(Array("yesterday".utf8)) == nil)
        #expect(SnapshotDate.day([]) == nil)
    }

    @Test func aMissingIndexSaysHowToMakeOne() {
        #expect(throws: ArxivIndexError.self) { try ArxivIndex(path: "/nonexistent/folder/arxiv.sqlite") }
        #expect(ArxivIndexError.missing(path: "/x").description.contains("notelint arxiv import"))
    }
}
