import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
    private let streamSocket = Int32(SOCK_STREAM.rawValue)
#else
    import Darwin
    private let streamSocket = SOCK_STREAM
#endif

/// The fake arXiv server (Tests/arxiv/fake_arxiv.py) on 127.0.0.1, one per test process; it
/// exits when this process closes its standard input.
public final class FakeArxiv: Sendable {
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let shared = FakeArxiv()
    /// The same server behind TLS, with a certificate for 127.0.0.1 made for this process
    /// (`caFile`); its request log is not read (`requests(to:)` speaks plain HTTP).
    public static let secure = FakeArxiv(secure: true)

    public let port: Int
    /// The certificate the secure server presents, to trust as a certificate authority.
    public let caFile: String?
    private let process = Process()
    private let input = Pipe()

    private init(secure: Bool = false) {
        if secure {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-fake-tls-\(getpid())").path
            try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let openssl = Process()
            openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            openssl.arguments = [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem",
            ]
            openssl.standardError = FileHandle.nullDevice
            try! openssl.run()
            openssl.waitUntilExit()
            precondition(openssl.terminationStatus == 0, "openssl could not make the fake server's certificate")
            caFile = folder + "/cert.pem"
            var environment = ProcessInfo.processInfo.environment
            environment["FAKE_ARXIV_CERT"] = folder + "/cert.pem"
            environment["FAKE_ARXIV_KEY"] = folder + "/key.pem"
            process.environment = environment
        } else {
            caFile = nil
        }
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", PackagePaths.path("Tests/arxiv/fake_arxiv.py"),
            PackagePaths.path("fixtures/arxiv"),
        ]
        process.standardInput = input
        process.standardOutput = output
        try! process.run()
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        port = Int(String(decoding: line, as: UTF8.self).split(separator: " ").last ?? "") ?? 0
        precondition(port > 0, "the fake arXiv server did not start")
    }

    /// The API address for one test: `scenario` picks a failure, and the unique token keeps
    /// this test's requests apart in the log.
    public func url(_ scenario: String = "plain") -> String {
        "\(caFile == nil ? "http" : "https")://127.0.0.1:\(port)/s/\(scenario)/\(UUID().uuidString.prefix(8))/api/query"
    }

    /// The OAI-PMH base URL for one test (`Tests/arxiv/fake_arxiv.py` lists its scenarios).
    public func oaiURL(_ scenario: String = "plain") -> String {
        "\(caFile == nil ? "http" : "https")://127.0.0.1:\(port)/s/\(scenario)/\(UUID().uuidString.prefix(8))/oai"
    }

    public struct Logged: Decodable {
        public let path: String
        public let query: String
        public let userAgent: String
        public let accept: String
        public let time: Double

        enum CodingKeys: String, CodingKey {
            case path, query, time, accept
            case userAgent = "user_agent"
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The requests the server saw under `url`.
    public func requests(to url: String) throws -> [Logged] {
        let path = URL(string: url)!.path
        return try JSONDecoder().decode([Logged].self, from: try get("/_log")).filter { $0.path == path }
    }

    /// The body of `GET path` from the fake server, over a plain socket: the tests link no
    /// HTTP client of Foundation's (FoundationNetworking), as notelint links none.
    private func get(_ path: String) throws -> Data {
        let descriptor = socket(AF_INET, streamSocket, 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect to the fake server: \(String(cString: strerror(errno)))") }
        // HTTP/1.0: the server closes the connection after its answer.
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            let written = request[sent...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Failure(description: "write to the fake server: \(String(cString: strerror(errno)))") }
            sent += written
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count >= 0 else { throw Failure(description: "read from the fake server: \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            answer += buffer[..<count]
        }
        let separator = Array("\r\n\r\n".utf8)
        guard let end = answer.indices.first(where: { answer[$0...].starts(with: separator) }) else {
            throw Failure(description: "the fake server's answer has no end of headers")
        }
        guard answer.starts(with: Array("HTTP/1.1 200".utf8)) || answer.starts(with: Array("HTTP/1.0 200".utf8)) else {
            throw Failure(description: "the fake server answered \(String(decoding: answer.prefix(40), as: UTF8.self))")
        }
        return Data(answer[(end + separator.count)...])
    }
}
