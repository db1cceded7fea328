import Foundation
import JSONRPC
import Testing

@Suite struct FramingTests {
    /// Writes `bytes` into a pipe in the given chunk sizes and reads every frame back.
    private func frames(_ bytes: [UInt8], chunks: Int = 7, maximumSize: Int = 1 << 20) -> [MessageReader.Frame] {
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        DispatchQueue.global().async {
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + chunks, bytes.count)
                writer.write(Data(bytes[offset..<end]))
                offset = end
            }
            try? writer.close()
        }
        let reader = MessageReader(descriptor: pipe.fileHandleForReading.fileDescriptor, maximumSize: maximumSize)
        var result: [MessageReader.Frame] = []
        while true {
            let frame = reader.next()
            result.append(frame)
            if frame == .end { return result }
        }
    }

    private func frame(_ body: String, header: String = "Content-Length") -> [UInt8] {
        Array("\(header): \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    @Test func readsMessagesSplitAcrossReadsWithAnyHeaderCase() {
        let bytes =
            frame("{\"a\":1}") + frame("{\"é\":2}", header: "content-LENGTH")
            + Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}".utf8)
        #expect(
            frames(bytes, chunks: 3) == [
                .message(Data("{\"a\":1}".utf8)), .message(Data("{\"é\":2}".utf8)), .message(Data("{}".utf8)), .end,
            ])
    }

    @Test func contentLengthCountsBytes() {
        #expect(frames(frame("\"😀\"")) == [.message(Data("\"😀\"".utf8)), .end])
    }

    @Test func oversizedMessagesAreSkippedAndReadingGoesOn() {
        let big = String(repeating: "x", count: 5000)
        #expect(
            frames(frame(big) + frame("{}"), chunks: 1000, maximumSize: 1000) == [
                .tooLarge(declared: 5000), .message(Data("{}".utf8)), .end,
            ])
    }

    @Test func headersWithoutALengthAreReportedAndSkipped() {
        let bytes = Array("Content-Type: x\r\n\r\n".utf8) + Array("Content-Length: abc\r\n\r\n".utf8) + frame("{}")
        #expect(
            frames(bytes) == [
                .malformedHeader("no valid Content-Length header"), .malformedHeader("no valid Content-Length header"),
                .message(Data("{}".utf8)), .end,
            ])
    }

    @Test func aTruncatedBodyEndsTheInput() {
        #expect(frames(Array("Content-Length: 10\r\n\r\n{}".utf8)) == [.end])
    }

    @Test func messagesAreClassified() throws {
        let request = try Message(JSON.parse(Data(#"{"jsonrpc":"2.0","id":"a","method":"m","params":[1]}"#.utf8)))
        guard case .request(.string("a"), "m", .array([.int(1)])) = request else {
            Issue.record("not a request: \(request)")
            return
        }
        #expect(throws: Message.Invalid.self) { try Message(JSON.parse(Data(#"[{"jsonrpc":"2.0","method":"m"}]"#.utf8))) }
        #expect(throws: Message.Invalid.self) { try Message(JSON.parse(Data(#"{"jsonrpc":"1.0","id":1,"method":"m"}"#.utf8))) }
        #expect(throws: JSON.ParseError.self) { try JSON.parse(Data([0x7B, 0xFF, 0x7D])) }
        #expect(throws: JSON.ParseError.self) { try JSON.parse(Data("{\"a\":".utf8)) }
    }

    @Test func jsonRoundTripsAndEscapes() throws {
        let value = JSON.object([
            ("s", .string("a\"b\\c\n\u{1}é😀")), ("n", .int(-3)), ("d", .double(1.5)), ("b", .bool(true)), ("z", .null), ("a", .array([])),
        ])
        #expect(try JSON.parse(Data(value.serialized().utf8)) == value)
        #expect(JSON.string("\u{1}").serialized() == "\"\\u0001\"")
    }

    @Test func theParserHandlesEscapesNumbersAndDepth() throws {
        #expect(
            try JSON.parse(Data(#"{"a":"\u00e9\ud83d\ude00\n","b":-12,"c":1.5e3,"d":[true,false,null],"e":{}}"#.utf8))
                == .object([
                    ("a", .string("é😀\n")), ("b", .int(-12)), ("c", .double(1500)),
                    ("d", .array([.bool(true), .bool(false), .null])), ("e", .object([])),
                ]))
        #expect(try JSON.parse(Data(#""\ud800x""#.utf8)) == .string("\u{FFFD}x"))
        #expect(throws: JSON.ParseError.self) {
            try JSON.parse(Data((String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8))
        }
        #expect(try JSON.parse(Data((String(repeating: "[", count: 500) + String(repeating: "]", count: 500)).utf8)) != .null)
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "01x", #""a\u12""#, "\"\u{1}\"", "{} {}"] {
            #expect(throws: JSON.ParseError.self, "\(bad)") { try JSON.parse(Data(bad.utf8)) }
        }
    }
}

@Suite struct SendingTests {
    /// Sends `messages` through a pipe, as the server does, and reads back every frame.
    private func sent(_ messages: [JSON]) -> [MessageReader.Frame] {
        let pipe = Pipe()
        let connection = Connection(descriptor: pipe.fileHandleForWriting.fileDescriptor)
        DispatchQueue.global().async {
            for message in messages { connection.send(message) }
            try? pipe.fileHandleForWriting.close()
        }
        let reader = MessageReader(descriptor: pipe.fileHandleForReading.fileDescriptor, maximumSize: 16 << 20)
        var frames: [MessageReader.Frame] = []
        while frames.last != .end { frames.append(reader.next()) }
        return frames
    }

    @Test func largeFragmentsAreFramedAsIfCopiedIntoTheMessage() {
        // Two fragments large enough to be written apart, a small one copied, and text between.
        let large = Array(("[" + Array(repeating: #"{"message":"é"}"#, count: 9_000).joined(separator: ",") + "]").utf8)
        let other = Array(("[" + Array(repeating: "1", count: 70_000).joined(separator: ",") + "]").utf8)
        let message = JSON.object([
            ("uri", .string("file:///a.md")), ("diagnostics", .fragment(large)), ("small", .fragment(Array("[2]".utf8))),
            ("more", .fragment(other)), ("version", .int(3)),
        ])
        let plain = JSON.object([("id", .int(1))])
        let frames = sent([message, plain, message])
        let whole = Data(message.serializedBytes())
        #expect(whole.count > 200_000)
        #expect(frames == [.message(whole), .message(Data(plain.serializedBytes())), .message(whole), .end])
    }

    @Test func aMessageEndingInALargeFragmentIsWhole() {
        let large = Array(String(repeating: "x", count: 100_000).utf8)
        let message = JSON.array([.int(1), .fragment(large)])
        #expect(sent([message]) == [.message(Data(message.serializedBytes())), .end])
    }
}
