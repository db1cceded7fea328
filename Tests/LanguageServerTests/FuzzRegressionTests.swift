import Foundation
import JSONRPC
import LanguageServer
import NoteLint
import TestSupport
import Testing

/// Every input the server fuzzer once failed on, replayed as the fuzzer sends it: a valid
/// `initialize`, the input as a client's byte stream read by the message loop to its end,
/// then a valid request that must be answered.
@Suite struct FuzzRegressionTests {
    static func frame(_ body: String) -> Data { Data("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }

    /// Runs the message loop over `input` on a server writing to `output`.
    static func feed(_ input: Data, to server: Server, connection: Connection) {
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        DispatchQueue.global().async {
            writer.write(input)
            try? writer.close()
        }
        _ = MessageLoop.run(
            reader: MessageReader(descriptor: pipe.fileHandleForReading.fileDescriptor), connection: connection, server: server)
    }

    @Test func inputsTheServerFuzzerFailedOn() throws {
        let folder = PackagePaths.path("Fuzz/Regressions/server")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let input = FileManager.default.contents(atPath: folder + "/" + name)!
            let output = Pipe()
            let connection = Connection(descriptor: output.fileHandleForWriting.fileDescriptor)
            let server = Server(
                connection: connection, version: "test", pages: RulePages(localFolder: nil),
                today: { CalendarDay(year: 2026, month: 11, day: 29) }, environment: [:], exit: { _ in })
            let initialize = Self.frame(
                #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#)
            Self.feed(initialize + input, to: server, connection: connection)
            Self.feed(Self.frame(#"{"jsonrpc":"2.0","id":"probe","method":"shutdown"}"#), to: server, connection: connection)
            server.drain()
            try output.fileHandleForWriting.close()
            let reader = MessageReader(descriptor: output.fileHandleForReading.fileDescriptor)
            var answered = false
            while case .message(let body) = reader.next() {
                if let json = try? JSON.parse(body), json["id"]?.string == "probe", json["method"] == nil { answered = true }
            }
            #expect(answered, "\(name): no answer to a valid request after the input")
        }
    }
}

/// The package root, found from this file's path.
enum Notelint {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}
