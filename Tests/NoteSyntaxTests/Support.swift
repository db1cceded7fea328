import Testing

@testable import NoteSyntax

extension Note {
    init(bytes: [UInt8]) { self.init(source: SourceText(bytes: bytes)) }

    /// The byte offset of the first occurrence of `needle` at or after `from`.
    func offset(of needle: String, from: Int = 0) -> Int {
        let bytes = source.bytes
        let pattern = Array(needle.utf8)
        var index = from
        while index + pattern.count <= bytes.count {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        Issue.record("\(needle.debugDescription) not found")
        return -1
    }

    func text(_ range: ByteRange) -> String { source.string(range) }
}
