/// A note's bytes, made safe to parse: every byte that is not valid UTF-8, and every NUL, is
/// replaced by `?`. The replacement keeps the byte length, so every offset into the parsed text
/// is also an offset into the original file, and fixes can be applied to the original bytes.
public struct SourceText: Sendable {
    public enum ProblemKind: Sendable, Equatable {
        case invalidUTF8
        case nul
    }

    public struct EncodingProblem: Sendable, Equatable {
        public let range: ByteRange
        public let kind: ProblemKind
    }

    /// The parsed text; byte-for-byte the same length as the input.
    public let bytes: [UInt8]
    public let encodingProblems: [EncodingProblem]
    public let lineIndex: LineIndex

    public init(bytes input: [UInt8]) {
        var problems: [EncodingProblem] = []
        // Valid multi-byte sequences: without them (bad bytes become `?`) the text is ASCII.
        var hasMultiByte = false
        input.withUnsafeBufferPointer { bytes in
            var offset = 0
            while true {
                offset = ByteSearch.endOfPlainASCII(in: bytes, from: offset)
                guard offset < bytes.count else { break }
                if bytes[offset] == 0 {
                    problems.append(EncodingProblem(range: ByteRange(offset, offset + 1), kind: .nul))
                    offset += 1
                    continue
                }
                let length = UTF8Validation.sequenceLength(bytes, at: offset)
                guard length == 0 else {
                    hasMultiByte = true
                    offset += length
                    continue
                }
                if let last = problems.last, last.kind == .invalidUTF8, last.range.end == offset {
                    problems[problems.count - 1] = EncodingProblem(range: ByteRange(last.range.start, offset + 1), kind: .invalidUTF8)
                } else {
                    problems.append(EncodingProblem(range: ByteRange(offset, offset + 1), kind: .invalidUTF8))
                }
                offset += 1
            }
        }
        var bytes = input
        // Every problem is replaced byte for byte, so offsets stay those of the file.
        for problem in problems {
            for offset in problem.range.start..<problem.range.end { bytes[offset] = UInt8(ascii: "?") }
        }
        self.bytes = bytes
        self.encodingProblems = problems
        self.lineIndex = LineIndex(bytes, isASCII: !hasMultiByte)
    }

    init(bytes: [UInt8], encodingProblems: [EncodingProblem], lineIndex: LineIndex) {
        self.bytes = bytes
        self.encodingProblems = encodingProblems
        self.lineIndex = lineIndex
    }

    public init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    public var count: Int { bytes.count }

    /// The text in `range`; always valid, since the bytes were sanitized.
    public func string(_ range: ByteRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public func byte(at offset: Int) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    /// The bytes of line `line` without its terminator.
    @inlinable
    public func lineContent(_ line: Int) -> ByteRange { lineIndex.contentRange(ofLine: line) }

    /// Whether the first line ends with a carriage return alone (a file from the classic Mac OS).
    public var endsLinesWithCarriageReturns: Bool {
        guard let first = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return false }
        return bytes[first] == 0x0D && (first + 1 == bytes.count || bytes[first + 1] != 0x0A)
    }

    public func lineString(_ line: Int) -> String { string(lineContent(line)) }

    /// The first offset at or after `offset`, before `end`, that is not a space or a tab.
    public func skippingBlanks(from offset: Int, before end: Int) -> Int {
        var at = offset
        while at < end && (bytes[at] == 0x20 || bytes[at] == 0x09) { at += 1 }
        return at
    }

    public func isBlankLine(_ line: Int) -> Bool {
        let range = lineContent(line)
        return bytes[range.start..<range.end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}

enum UTF8Validation {
    /// Length of the well-formed UTF-8 sequence starting at `offset`, or 0 when it is not one.
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let lead = bytes[offset]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            upper = 0x9F
        case 0xF0:
            length = 4
            lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            upper = 0x8F
        default: return 0
        }
        guard offset + length <= bytes.count else { return 0 }
        let second = bytes[offset + 1]
        guard second >= lower && second <= upper else { return 0 }
        for index in 2..<length where bytes[offset + index] & 0xC0 != 0x80 {
            return 0
        }
        return length
    }
}
