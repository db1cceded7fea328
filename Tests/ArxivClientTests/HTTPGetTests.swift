import FakeArxivServer
import Foundation
import Testing

@testable import ArxivClient

/// `HTTPGet` (libcurl, loaded at first use) against the fake arXiv server on 127.0.0.1.
@Suite struct HTTPGetTests {
    let fake = FakeArxiv.shared

    private func get(deadline: Double = 5, limit: Int = AtomFeed.maximumSize) -> HTTPGet {
        HTTPGet(userAgent: "notelint/http-test", deadline: deadline, maximumBodySize: limit)
    }

    private func url(_ scenario: String = "plain", query: String = "id_list=2104.09864&max_results=1") throws -> (String, URL) {
        let base = fake.url(scenario)
        return (base, try #require(URL(string: base + "?" + query)))
    }

    @Test func sendsUserAgentAndAcceptAndReadsStatusHeadersAndBody() throws {
        let (base, address) = try url()
        let response = try get().fetch(address)
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "application/atom+xml; charset=utf-8")
        #expect(response.headers["Content-Length"] == String(response.body.count))
        #expect(response.retryAfter == nil)
        #expect(try AtomFeed.parse(response.body).entries.map(\.id) == ["2104.09864"])
        let seen = try fake.requests(to: base)
        #expect(seen.map(\.userAgent) == ["notelint/http-test"])
        #expect(seen.map(\.accept) == ["application/atom+xml"])
    }

    @Test func anErrorStatusIsAResponseNotAFailure() throws {
        let response = try get().fetch(try #require(URL(string: "http://127.0.0.1:\(fake.port)/elsewhere/api/query")))
        #expect(response.status == 404)
        #expect(response.body == Array("not found".utf8))
        let (_, limited) = try url("ratelimit")
        let tooMany = try get().fetch(limited)
        #expect(tooMany.status == 429)
        #expect(tooMany.retryAfter == nil)
    }

    @Test func retryAfterIsRead() throws {
        let (_, address) = try url("unavailable")
        let response = try get().fetch(address)
        #expect(response.status == 503)
        #expect(response.retryAfter == 1)
        #expect(try get().fetch(address).status == 200)
    }

    @Test func theDeadlineCoversTheWholeExchange() throws {
        let (_, address) = try url("trickle")
        let started = Date()
        #expect(throws: ArxivError.timedOut(seconds: 0.5)) { try get(deadline: 0.5).fetch(address) }
        // The trickle takes minutes; generous bound for a loaded machine.
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aBodyWithoutALengthIsCutAtTheLimitAsItArrives() throws {
        let (_, address) = try url("huge")
        #expect(throws: ArxivError.tooLarge(limit: 1_048_576)) { try get(limit: 1_048_576).fetch(address) }
    }

    @Test func aDeclaredLengthOverTheLimitIsRefusedAndOneWithinIsRead() throws {
        let (_, address) = try url()
        let whole = try get().fetch(address).body.count
        #expect(throws: ArxivError.tooLarge(limit: whole - 1)) { try get(limit: whole - 1).fetch(address) }
        #expect(try get(limit: whole).fetch(address).body.count == whole)
    }

    @Test func anUnreachableServerIsATransportErrorWithLibcurlsReason() throws {
        do {
            _ = try get().fetch(try #require(URL(string: "http://127.0.0.1:1/api/query")))
            Issue.record("a request to a closed port succeeded")
        } catch ArxivError.transport(let why) {
            #expect(why.contains("127.0.0.1"), "\(why)")
        }
    }

    @Test func httpsIsSpokenWithTheCertificateAuthoritiesGiven() throws {
        let secure = FakeArxiv.secure
        let address = try #require(URL(string: secure.url() + "?id_list=2104.09864&max_results=1"))
        let trusting = HTTPGet(userAgent: "notelint/http-test", deadline: 5, maximumBodySize: AtomFeed.maximumSize, caFile: secure.caFile)
        let response = try trusting.fetch(address)
        #expect(response.status == 200)
        #expect(try AtomFeed.parse(response.body).entries.map(\.id) == ["2104.09864"])
        // The system's authorities do not know the test's certificate.
        #expect {
            try get().fetch(address)
        } throws: { error in
            "\(error)".contains("certificate")
        }
    }

    @Test func otherSchemesAreRefused() throws {
        do {
            _ = try get().fetch(try #require(URL(string: "file:///etc/passwd")))
            Issue.record("a file: address was read")
        } catch ArxivError.transport(let why) {
            #expect(!why.isEmpty)
        }
    }

    @Test func theMessageWhenLibcurlIsMissingSaysHowToInstallIt() {
        let message = CurlLibrary.unavailable("libcurl.so.4: cannot open shared object file: No such file or directory")
        #expect(message.contains("libcurl.so.4: cannot open shared object file"))
        #expect(message.contains("apt-get install libcurl4"))
        #expect(message.contains("NOTELINT_LIBCURL"))
    }
}
