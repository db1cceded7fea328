/// Reads one line of the metadata snapshot (a JSON object) straight into `SnapshotFields`:
/// no JSON tree, no strings, only the fields the index keeps decoded; every other value is
/// checked and skipped. Nesting is limited, so a hostile line cannot exhaust the stack.
struct SnapshotLineParser {
    struct Malformed: Error {
        let message: String
        /// Where in the line, counted from 1.
        let column: Int
    }

    private static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var scratch: [UInt8] = []
    private var abstractLimit = Int.max

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Fills `fields` from `line`; throws for a line that is not one JSON object with a string `id`.
    /// `abstractLimit` bytes of the abstract are kept (enough to tell a withdrawal notice when
    /// the abstracts themselves are not kept); the rest is checked and skipped.
    static func parse(
        _ line: UnsafeBufferPointer<UInt8>, into fields: inout SnapshotFields, abstractLimit: Int = .max
    ) throws(Malformed) {
        fields.clear()
        var parser = SnapshotLineParser(bytes: line)
        parser.abstractLimit = abstractLimit
        try parser.object(into: &fields)
        parser.skipBlanks()
        guard parser.offset == line.count else { throw parser.failure("text after the object") }
        guard !fields.id.isEmpty else { throw Malformed(message: "no `id`", column: 1) }
    }

    private func failure(_ what: String) -> Malformed { Malformed(message: what, column: offset + 1) }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipBlanks() {
        while offset < bytes.count {
            let byte = bytes[offset]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
            offset += 1
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Malformed) {
        skipBlanks()
        guard current == byte else { throw failure(current == nil ? "unexpected end of line" : "expected \(what)") }
        offset += 1
    }

    private enum Key {
        case id, title, authors, categories, doi, journalReference, comments, abstract, updateDate, versions, other
    }

    private static let keys: [([UInt8], Key)] = {
        let names: [(String, Key)] = [
            ("id", .id), ("title", .title), ("authors", .authors), ("categories", .categories), ("doi", .doi),
            ("journal-ref", .journalReference), ("comments", .comments), ("abstract", .abstract), ("update_date", .updateDate),
            ("versions", .versions),
        ]
        return names.map { (Array($0.0.utf8), $0.1) }
    }()

    private mutating func object(into fields: inout SnapshotFields) throws(Malformed) {
        try expect(UInt8(ascii: "{"), "`{`")
        skipBlanks()
        if current == UInt8(ascii: "}") {
            offset += 1
            return
        }
        while true {
            skipBlanks()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a key") }
            try readScratch()
            let key = Self.keys.first { $0.0 == scratch }?.1 ?? .other
            try expect(UInt8(ascii: ":"), "`:`")
            skipBlanks()
            switch key {
            case .id: try text(into: &fields.id, collapse: true)
            case .title: try text(into: &fields.title, collapse: true)
            case .authors: try text(into: &fields.authors, collapse: true)
            case .categories: try text(into: &fields.categories, collapse: true)
            case .doi: try text(into: &fields.doi, collapse: true)
            case .journalReference: try text(into: &fields.journalReference, collapse: true)
            case .comments: try text(into: &fields.comments, collapse: true)
            case .abstract: try text(into: &fields.abstract, collapse: true, limit: abstractLimit)
            case .updateDate: try text(into: &fields.updateDate, collapse: true)
            case .versions: try versions(into: &fields)
            case .other: try skipValue(depth: 1)
            }
            skipBlanks()
            guard let byte = current else { throw failure("unexpected end of line") }
            offset += 1
            if byte == UInt8(ascii: ",") { continue }
            guard byte == UInt8(ascii: "}") else { throw failure("expected `,` or `}`") }
            return
        }
    }

    /// A string (decoded into `target`), or null (left empty); anything else is skipped.
    private mutating func text(into target: inout [UInt8], collapse: Bool, limit: Int = .max) throws(Malformed) {
        target.removeAll(keepingCapacity: true)
        if current == UInt8(ascii: "\"") {
            try string(into: &target, collapse: collapse, limit: limit)
        } else {
            try skipValue(depth: 1)
        }
    }

    /// `[{"version": "v1", "created": "..."}, ...]`: the count, the first and the latest stamp.
    private mutating func versions(into fields: inout SnapshotFields) throws(Malformed) {
        guard current == UInt8(ascii: "[") else { return try skipValue(depth: 1) }
        offset += 1
        skipBlanks()
        if current == UInt8(ascii: "]") {
            offset += 1
            return
        }
        while true {
            skipBlanks()
            if current == UInt8(ascii: "{") {
                offset += 1
                fields.latestCreated.removeAll(keepingCapacity: true)
                skipBlanks()
                if current == UInt8(ascii: "}") {
                    offset += 1
                } else {
                    while true {
                        skipBlanks()
                        guard current == UInt8(ascii: "\"") else { throw failure("expected a key") }
                        try readScratch()
                        let isCreated = scratch.elementsEqual("created".utf8)
                        try expect(UInt8(ascii: ":"), "`:`")
                        skipBlanks()
                        if isCreated { try text(into: &fields.latestCreated, collapse: true) } else { try skipValue(depth: 3) }
                        skipBlanks()
                        guard let byte = current else { throw failure("unexpected end of line") }
                        offset += 1
                        if byte == UInt8(ascii: ",") { continue }
                        guard byte == UInt8(ascii: "}") else { throw failure("expected `,` or `}`") }
                        break
                    }
                }
                if fields.versionCount == 0 { fields.firstCreated = fields.latestCreated }
                fields.versionCount += 1
            } else {
                try skipValue(depth: 2)
            }
            skipBlanks()
            guard let byte = current else { throw failure("unexpected end of line") }
            offset += 1
            if byte == UInt8(ascii: ",") { continue }
            guard byte == UInt8(ascii: "]") else { throw failure("expected `,` or `]`") }
            return
        }
    }

    /// The string at `offset` into `scratch`: keys and skipped strings.
    private mutating func readScratch() throws(Malformed) {
        var target = scratch
        scratch = []
        target.removeAll(keepingCapacity: true)
        defer { scratch = target }
        try string(into: &target, collapse: false)
    }

    private mutating func skipValue(depth: Int) throws(Malformed) {
        guard depth < Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth)") }
        skipBlanks()
        guard let byte = current else { throw failure("unexpected end of line") }
        switch byte {
        case UInt8(ascii: "\""):
            try readScratch()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            offset += 1
            skipBlanks()
            if current == close {
                offset += 1
                return
            }
            while true {
                if close == UInt8(ascii: "}") {
                    skipBlanks()
                    guard current == UInt8(ascii: "\"") else { throw failure("expected a key") }
                    try skipValue(depth: depth + 1)
                    try expect(UInt8(ascii: ":"), "`:`")
                }
                try skipValue(depth: depth + 1)
                skipBlanks()
                guard let next = current else { throw failure("unexpected end of line") }
                offset += 1
                if next == UInt8(ascii: ",") { continue }
                guard next == close else { throw failure("expected `,` or `\(Character(Unicode.Scalar(close)))`") }
                return
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), 0x30...0x39:
            let start = offset
            while let next = current,
                next == UInt8(ascii: "-") || next == UInt8(ascii: "+") || next == UInt8(ascii: ".")
                    || (next | 0x20) == UInt8(ascii: "e") || (0x30...0x39).contains(next)
            {
                offset += 1
            }
            guard offset > start else { throw failure("a bad number") }
        default: throw failure("an unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Malformed) {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw failure("unexpected end of line") }
        for index in 0..<count where bytes[offset + index] != word.utf8Start[index] { throw failure("an unknown literal") }
        offset += count
    }

    /// Decodes the string at `offset` (its opening quote) into `target`; with `collapse`, runs
    /// of blanks, tabs and line breaks become one blank and none leads or trails.
    private mutating func string(into target: inout [UInt8], collapse: Bool, limit: Int = .max) throws(Malformed) {
        offset += 1
        var blanks = BlankCollapsing()
        func append(_ byte: UInt8, _ target: inout [UInt8]) {
            if collapse {
                blanks.append(byte, to: &target)
            } else {
                target.append(byte)
            }
        }
        while offset < bytes.count {
            if target.count >= limit { return try skipRestOfString() }
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                return
            case UInt8(ascii: "\\"):
                guard offset < bytes.count else { throw failure("unexpected end of line") }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): append(escape, &target)
                case UInt8(ascii: "b"): append(0x08, &target)
                case UInt8(ascii: "f"): append(0x0C, &target)
                case UInt8(ascii: "n"): append(0x0A, &target)
                case UInt8(ascii: "r"): append(0x0D, &target)
                case UInt8(ascii: "t"): append(0x09, &target)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code), offset + 6 <= bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                        bytes[offset + 1] == UInt8(ascii: "u")
                    {
                        let saved = offset
                        offset += 2
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            offset = saved
                        }
                    }
                    // A lone surrogate cannot be a scalar: it becomes U+FFFD.
                    for unit in UTF8.encode(Unicode.Scalar(code) ?? "\u{FFFD}")! { append(unit, &target) }
                default:
                    throw failure("an unknown escape")
                }
            default:
                guard byte >= 0x20 else { throw failure("a control character in a string") }
                append(byte, &target)
            }
        }
        throw failure("an unterminated string")
    }

    /// After a string's kept bytes: up to and past its closing quote.
    private mutating func skipRestOfString() throws(Malformed) {
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return
            }
            guard byte >= 0x20 else { throw failure("a control character in a string") }
            offset += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        throw failure("an unterminated string")
    }

    private mutating func hex4() throws(Malformed) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw failure("unexpected end of line") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw failure("a bad \\u escape")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }
}
