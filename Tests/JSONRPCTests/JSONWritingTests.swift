import Foundation
import JSONRPC
import Testing

@Suite struct JSONWritingTests {
    @Test func aFragmentIsSplicedAsItWasSerialised() throws {
        let kept = JSON.object([("code", .string("entry-blank")), ("range", .array([.int(1), .int(2)]))]).serializedBytes()
        let message = JSON.object([("uri", .string("file:///a.md")), ("diagnostics", .array([.fragment(kept), .fragment(kept)]))])
        let text = message.serialized()
        #expect(
            text == #"{"uri":"file:///a.md","diagnostics":[{"code":"entry-blank","range":[1,2]},{"code":"entry-blank","range":[1,2]}]}"#)
        // What a client reads back is the same as if the fragment had been built in place.
        let parsed = try JSON.parse(Data(text.utf8))
        #expect(parsed["diagnostics"]?[1]?["code"]?.string == "entry-blank")
    }

    @Test func escapesAreReadAsTheTextTheyStandFor() throws {
        let parsed = try JSON.parse(Data(#"["tab\there \"q\" \u00e9\ud83d\ude00\n", "\ud800x", "plain é"]"#.utf8))
        #expect(parsed[0]?.string == "tab\there \"q\" é😀\n")
        // A lone surrogate is no scalar: it reads as U+FFFD.
        #expect(parsed[1]?.string == "\u{FFFD}x")
        #expect(parsed[2]?.string == "plain é")
    }

    @Test func stringsAreEscaped() {
        #expect(JSON.string("a\"b\\c\n\u{1}").serialized() == #""a\"b\\c\n\u0001""#)
        #expect(JSON.string("\u{1F}é\r\tx\u{1B}[0m").serialized() == #""\u001fé\r\tx\u001b[0m""#)
        #expect(JSON.object([("k\"", .array([.string(""), .int(-12), .int(7)]))]).serialized() == #"{"k\"":["",-12,7]}"#)
    }

    @Test func integersAreWrittenInDecimal() {
        for value in [
            0, 7, 9, 10, 99, 100, -1, -9, -10, 1_234_567, 10_000_000, 12_345_678, 99_999_999, 100_000_000, -100_000_001,
            1_000_000_000, Int.max, Int.min,
        ] {
            var out: [UInt8] = []
            JSON.appendInteger(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
            // After what is already written, which it must leave as it is.
            var after = Array("[1,".utf8)
            JSON.appendInteger(value, to: &after)
            #expect(String(decoding: after, as: UTF8.self) == "[1," + String(value))
            // Through a pointer, into room for the longest: the bytes after stay untouched.
            var room = [UInt8](repeating: UInt8(ascii: "#"), count: JSON.maximumIntegerLength + 1)
            let count = room.withUnsafeMutableBufferPointer { JSON.writeInteger(value, to: $0.baseAddress!) }
            #expect(String(decoding: room[..<count], as: UTF8.self) == String(value))
            #expect(room[count...].allSatisfy { $0 == UInt8(ascii: "#") })
        }
    }
}
