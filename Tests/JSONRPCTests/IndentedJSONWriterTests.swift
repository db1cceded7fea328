import JSONRPC
import NoteInvariants
import Testing

/// The writer lays out values exactly as `JSON.write(into:indent:)` lays out the same tree.
@Suite struct IndentedJSONWriterTests {
    private static let keys: [StaticString] = ["path", "range", "a", "newText", "ünïcode"]
    private static let keyNames = ["path", "range", "a", "newText", "ünïcode"]
    private static let strings = [
        "", "plain", "with \"quotes\" and \\ backslashes", "tab\tnew\nline\rcr", "\u{01}\u{1F}\u{7F}", "ünïcødé ✓ 𝄞",
        String(repeating: "long ", count: 2_000),
    ]

    /// A random value, written to `writer` and returned as the tree it stands for.
    private static func value(_ writer: inout IndentedJSONWriter, depth: Int, _ generator: inout SeededGenerator) -> JSON {
        switch Int.random(in: 0...(depth > 4 ? 2 : 4), using: &generator) {
        case 0:
            writer.null()
            return .null
        case 1:
            let number = [0, 7, -12, Int.max, Int.min, Int.random(in: -1_000_000...1_000_000, using: &generator)].randomElement(
                using: &generator)!
            writer.int(number)
            return .int(number)
        case 2:
            let text = strings.randomElement(using: &generator)!
            writer.string(text)
            return .string(text)
        case 3:
            writer.openArray()
            var items: [JSON] = []
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                writer.element()
                items.append(value(&writer, depth: depth + 1, &generator))
            }
            writer.closeArray()
            return .array(items)
        default:
            writer.openObject()
            var pairs: [(String, JSON)] = []
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let index = Int.random(in: 0..<keys.count, using: &generator)
                writer.key(keys[index])
                pairs.append((keyNames[index], value(&writer, depth: depth + 1, &generator)))
            }
            writer.closeObject()
            return .object(pairs)
        }
    }

    @Test func layoutIsThatOfTheTreeWriter() {
        var generator = SeededGenerator(seed: 11)
        for round in 0..<600 {
            let indent = round % 4
            var writer = IndentedJSONWriter(baseIndent: indent)
            var expected: [UInt8] = []
            for index in 0..<Int.random(in: 1...3, using: &generator) {
                if index > 0 {
                    writer.appendRaw(",\n")
                    expected.append(contentsOf: ",\n".utf8)
                }
                writer.appendIndentation()
                expected.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
                Self.value(&writer, depth: 0, &generator).write(into: &expected, indent: indent)
            }
            #expect(writer.text == String(decoding: expected, as: UTF8.self))
        }
    }
}
