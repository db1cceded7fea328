import FakeArxivServer
import Foundation
import TestSupport
import Testing

/// notelint links no HTTP or XML library: libcurl is loaded with dlopen when the first arXiv
/// request is made (ARCHITECTURE.md, "How networking is linked").
@Suite struct NetworkLinkingTests {
    let folder: TemporaryFolder
    let url: String

    init() throws {
        folder = try TemporaryFolder()
        url = FakeArxiv.shared.url()
    }

    var environment: [String: String] {
        ArxivFixtures.environment(url: url, cacheHome: folder.url.appendingPathComponent("cache").path)
    }

    static let lddAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd")

    @Test(.enabled(if: lddAvailable, "ldd lists a Linux binary's libraries"))
    func theBinaryLinksNoNetworkOrXMLLibrary() throws {
        let ldd = try Notelint.run([Notelint.binary.path], executable: URL(fileURLWithPath: "/usr/bin/ldd"))
        #expect(ldd.status == 0, "\(ldd.stderr)")
        #expect(ldd.stdout.contains("libcmark-gfm"), "\(ldd.stdout)")
        for library in ["libcurl", "libxml2", "libFoundationNetworking", "libFoundationXML", "libssl", "libnghttp2"] {
            #expect(!ldd.stdout.contains(library), "\(library) is linked:\n\(ldd.stdout)")
        }
    }

    @Test(arguments: [
        ("/nonexistent/libcurl.so.4", "libcurl could not be loaded (/nonexistent/libcurl.so.4: cannot open shared object file"),
        ("libc.so.6", "libcurl could not be loaded (libc.so.6: curl_global_init not found (not a libcurl?))"),
    ])
    func aLibcurlThatCannotBeLoadedFailsTheRequestsOnly(library: String, reason: String) throws {
        try folder.write("note.md", ArxivFixtures.emptiedNote)
        var env = environment
        env["NOTELINT_LIBCURL"] = library
        let fill = try Notelint.run(["fill", "note.md"], in: folder.url, environment: env)
        #expect(fill.status == 2)
        #expect(fill.stderr.contains("notelint: note.md:12: arXiv 2104.09864: cannot reach the API: \(reason)"), "\(fill.stderr)")
        #expect(
            fill.stderr.contains("install it (Debian and Ubuntu: `apt-get install libcurl4`) or set NOTELINT_LIBCURL"), "\(fill.stderr)")
        #expect(fill.stderr.contains("0 entries in 0 files; 0 unchanged, 0 not found, 7 failed"), "\(fill.stderr)")
        #expect(String(decoding: folder.read("note.md"), as: UTF8.self) == ArxivFixtures.emptiedNote)
        #expect(try FakeArxiv.shared.requests(to: url).isEmpty)

        // Everything that does not ask arXiv is unaffected.
        let arguments = ["check", "--no-cache", "--color", "never", "--no-show-source", "note.md"]
        let without = try Notelint.run(arguments, in: folder.url, environment: environment)
        let with = try Notelint.run(arguments, in: folder.url, environment: env)
        #expect(with.status == without.status)
        #expect(with.stdout == without.stdout)
        #expect(with.stderr == without.stderr)
        #expect(without.stdout.contains(" in 1 file\n"), "\(without.stdout)")
    }
}
