import Foundation
import TestSupport

/// The fake arXiv server (Tests/arxiv/fake_arxiv.py) on 127.0.0.1, one per test process; it
/// exits when this process closes its standard input.
public final class FakeArxiv: Sendable {
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let shared = FakeArxiv()

    public let port: Int
    private let process = Process()
    private let input = Pipe()

    private init() {
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
        "http://127.0.0.1:\(port)/s/\(scenario)/\(UUID().uuidString.prefix(8))/api/query"
    }

    public struct Logged: Decodable {
        public let path: String
        public let query: String
        public let userAgent: String
        public let time: Double

        enum CodingKeys: String, CodingKey {
            case path, query, time
            case userAgent = "user_agent"
        }
    }

    /// The requests the server saw under `url`.
    public func requests(to url: String) throws -> [Logged] {
        let data = try Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/_log")!)
        let path = URL(string: url)!.path
        return try JSONDecoder().decode([Logged].self, from: data).filter { $0.path == path }
    }
}
