/// A small XML reader, enough for the arXiv API's Atom feed and strict about everything else:
/// elements, attributes, text, CDATA sections, comments and processing instructions (skipped),
/// the five predefined entities and numeric character references. Names are reported as
/// written, prefix included (`opensearch:totalResults`); namespaces are not resolved.
///
/// The input is untrusted. Anything that is not well-formed XML 1.0 in UTF-8 is an error with a
/// line number: a DOCTYPE (so no entity can be declared), an undefined entity, a character XML
/// does not allow, a tag that does not close what is open, a document that ends early. Reading
/// is iterative, with the open elements on an explicit stack, so nesting costs no Swift stack.
struct XMLReader {
    enum Event: Equatable {
        case start(name: String, attributes: [Attribute])
        case end(name: String)
        /// Character data (text or a CDATA section), entities replaced and line breaks
        /// normalised to LF; one element's text may come as several events.
        case text(String)
    }

    struct Attribute: Equatable {
        let name: String
        let value: String
    }

    struct Failure: Error, Equatable, CustomStringConvertible {
        let message: String
        let line: Int
        var description: String { "\(message) (line \(line))" }
    }

    /// Deeper nesting is refused (the Atom feed has four levels).
    static let maximumDepth = 1_000

    private let bytes: [UInt8]
    private var offset = 0
    private var open: [String] = []
    private var sawRoot = false
    /// The name of an element written `<name/>`, whose end comes as the next event.
    private var selfClosed: String?

    /// Checks the encoding of the whole input first: invalid UTF-8, NUL and the other
    /// characters XML 1.0 does not allow are refused wherever they are.
    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        if let (at, problem) = Self.firstDisallowedCharacter(bytes) { throw failure(problem, at: at) }
    }

    /// The next event, or nil at the end of a well-formed document.
    mutating func next() throws -> Event? {
        if let name = selfClosed {
            selfClosed = nil
            open.removeLast()
            return .end(name: name)
        }
        while offset < bytes.count {
            guard bytes[offset] == UInt8(ascii: "<") else {
                if let text = try characterData() { return .text(text) }
                continue
            }
            let following = offset + 1 < bytes.count ? bytes[offset + 1] : nil
            switch following {
            case UInt8(ascii: "/"): return try endTag()
            case UInt8(ascii: "?"): try processingInstruction()
            case UInt8(ascii: "!"):
                if let text = try markupDeclaration() { return .text(text) }
            default: return try startTag()
            }
        }
        if let innermost = open.last { throw failure("the document ends inside <\(innermost)>", at: bytes.count) }
        if !sawRoot { throw failure("the document has no root element", at: bytes.count) }
        return nil
    }

    // MARK: Markup

    private mutating func startTag() throws -> Event {
        let tagStart = offset
        offset += 1
        guard let name = name() else { throw failure("a `<` that starts no tag", at: tagStart) }
        if open.isEmpty {
            if sawRoot { throw failure("a second root element <\(name)> after the first one closed", at: tagStart) }
            sawRoot = true
        }
        guard open.count < Self.maximumDepth else {
            throw failure("elements nested deeper than \(Self.maximumDepth) levels", at: tagStart)
        }
        var attributes: [Attribute] = []
        while true {
            let spaced = skipSpace()
            guard offset < bytes.count else { throw failure("the document ends inside the tag <\(name)>", at: offset) }
            switch bytes[offset] {
            case UInt8(ascii: ">"):
                offset += 1
                open.append(name)
                return .start(name: name, attributes: attributes)
            case UInt8(ascii: "/"):
                guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: ">") else {
                    throw failure("a `/` inside the tag <\(name)> not followed by `>`", at: offset)
                }
                offset += 2
                open.append(name)
                selfClosed = name
                return .start(name: name, attributes: attributes)
            default:
                guard spaced else { throw failure("an unexpected character in the tag <\(name)>", at: offset) }
                let attribute = try self.attribute(in: name)
                if attributes.contains(where: { $0.name == attribute.name }) {
                    throw failure("the attribute `\(attribute.name)` appears twice in <\(name)>", at: offset)
                }
                attributes.append(attribute)
            }
        }
    }

    private mutating func attribute(in element: String) throws -> Attribute {
        guard let name = name() else { throw failure("an unexpected character in the tag <\(element)>", at: offset) }
        skipSpace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "=") else {
            throw failure("the attribute `\(name)` of <\(element)> has no value", at: offset)
        }
        offset += 1
        skipSpace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") else {
            throw failure("the value of the attribute `\(name)` of <\(element)> is not quoted", at: offset)
        }
        let quote = bytes[offset]
        offset += 1
        let start = offset
        guard let end = bytes[start...].firstIndex(of: quote) else {
            throw failure("the value of the attribute `\(name)` of <\(element)> is not closed", at: start)
        }
        if let lt = bytes[start..<end].firstIndex(of: UInt8(ascii: "<")) {
            throw failure("a `<` in the value of the attribute `\(name)` of <\(element)>", at: lt)
        }
        offset = end + 1
        return Attribute(name: name, value: try decode(start..<end, attribute: true))
    }

    private mutating func endTag() throws -> Event {
        let tagStart = offset
        offset += 2
        guard let name = name() else { throw failure("a `</` that starts no end tag", at: tagStart) }
        skipSpace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ">") else {
            throw failure(
                offset < bytes.count ? "an unexpected character in </\(name)>" : "the document ends inside </\(name)>", at: offset)
        }
        offset += 1
        guard let innermost = open.last else { throw failure("</\(name)> closes no open element", at: tagStart) }
        guard innermost == name else { throw failure("</\(name)> where </\(innermost)> was expected", at: tagStart) }
        open.removeLast()
        return .end(name: name)
    }

    /// `<?target ...?>`: skipped; `<?xml ...?>` only at the start, and only for UTF-8.
    private mutating func processingInstruction() throws {
        let start = offset
        offset += 2
        guard let target = name() else { throw failure("a `<?` that starts no processing instruction", at: start) }
        guard let end = find([UInt8]("?>".utf8), from: offset) else {
            throw failure("a processing instruction <?\(target) that is not closed", at: start)
        }
        if target.lowercased() == "xml" {
            let first = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            guard start == first, target == "xml" else {
                throw failure("an XML declaration that is not at the start of the document", at: start)
            }
            if let encoding = Self.pseudoAttribute("encoding", in: bytes[offset..<end]),
                !["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding.lowercased())
            {
                throw failure("the document declares the encoding `\(encoding.prefix(40))`; only UTF-8 is read", at: start)
            }
        }
        offset = end + 2
    }

    /// `<!--...-->` (skipped), `<![CDATA[...]]>` (its text), anything else after `<!` (refused).
    private mutating func markupDeclaration() throws -> String? {
        let start = offset
        if matches("<!--") {
            let inside = start + 4
            guard let dashes = find([UInt8]("--".utf8), from: inside) else { throw failure("a comment that is not closed", at: start) }
            guard dashes + 2 < bytes.count, bytes[dashes + 2] == UInt8(ascii: ">") else {
                throw failure(dashes + 2 < bytes.count ? "`--` inside a comment" : "a comment that is not closed", at: dashes)
            }
            offset = dashes + 3
            return nil
        }
        if matches("<![CDATA[") {
            guard !open.isEmpty else { throw failure("a CDATA section outside the root element", at: start) }
            let inside = start + 9
            guard let end = find([UInt8]("]]>".utf8), from: inside) else { throw failure("a CDATA section that is not closed", at: start) }
            offset = end + 3
            return Self.normalisingLineBreaks(bytes[inside..<end])
        }
        if matchesIgnoringCase("<!doctype") { throw failure("a DOCTYPE declaration", at: start) }
        throw failure("markup `<!` that is neither a comment nor a CDATA section", at: start)
    }

    // MARK: Character data

    /// Text up to the next `<`; nil when it is whitespace outside the root element.
    private mutating func characterData() throws -> String? {
        let start = offset
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
        offset = end
        if open.isEmpty {
            if let stray = bytes[start..<end].firstIndex(where: { !Self.isSpace($0) }) {
                throw failure(sawRoot ? "text after the root element" : "text before the root element", at: stray)
            }
            return nil
        }
        if let close = find([UInt8]("]]>".utf8), from: start, before: end) { throw failure("`]]>` in text", at: close) }
        return try decode(start..<end, attribute: false)
    }

    /// The text of `range` with references replaced and line breaks normalised (and, in an
    /// attribute value, tabs and line breaks made spaces, as XML's value normalisation does).
    private func decode(_ range: Range<Int>, attribute: Bool) throws -> String {
        let slice = bytes[range]
        let needsWork = slice.contains { $0 == UInt8(ascii: "&") || $0 == 0x0D || (attribute && ($0 == 0x09 || $0 == 0x0A)) }
        guard needsWork else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"):
                let (scalar, next) = try reference(at: index, end: range.upperBound)
                out.append(contentsOf: UTF8.encode(scalar)!)
                index = next
                continue
            case 0x0D:
                out.append(attribute ? 0x20 : 0x0A)
                if index + 1 < range.upperBound && bytes[index + 1] == 0x0A { index += 1 }
            case 0x09, 0x0A:
                out.append(attribute ? 0x20 : byte)
            default:
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The character an `&...;` reference at `start` stands for, and the offset after it.
    private func reference(at start: Int, end: Int) throws -> (Unicode.Scalar, Int) {
        // The longest reference accepted: `&#x` and leading zeros are allowed, so be generous.
        let limit = min(end, start + 40)
        guard let semicolon = bytes[start..<limit].firstIndex(of: UInt8(ascii: ";")), semicolon > start + 1 else {
            throw failure("an `&` that starts no entity or character reference", at: start)
        }
        let body = bytes[(start + 1)..<semicolon]
        let next = semicolon + 1
        switch String(decoding: body, as: UTF8.self) {
        case "lt": return ("<", next)
        case "gt": return (">", next)
        case "amp": return ("&", next)
        case "quot": return ("\"", next)
        case "apos": return ("'", next)
        default: break
        }
        guard body.first == UInt8(ascii: "#") else {
            let name = String(decoding: body, as: UTF8.self)
            throw failure("the entity `&\(name.prefix(40));` is not defined (XML defines lt, gt, amp, quot and apos)", at: start)
        }
        var digits = body.dropFirst()
        let hex = digits.first == UInt8(ascii: "x")
        if hex { digits = digits.dropFirst() }
        var value: UInt32 = 0
        for digit in digits {
            let number: UInt32
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): number = UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: number = UInt32(digit - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: number = UInt32(digit - UInt8(ascii: "A") + 10)
            default: throw failure("a malformed character reference", at: start)
            }
            value = value * (hex ? 16 : 10) + number
            guard value <= 0x10FFFF else { throw failure("a character reference beyond U+10FFFF", at: start) }
        }
        guard !digits.isEmpty else { throw failure("a malformed character reference", at: start) }
        guard Self.isAllowed(value), let scalar = Unicode.Scalar(value) else {
            throw failure("a character reference to U+\(String(value, radix: 16, uppercase: true)), which XML does not allow", at: start)
        }
        return (scalar, next)
    }

    // MARK: Pieces

    /// A name (`[A-Za-z_:][A-Za-z0-9_:.-]*`, any non-ASCII character allowed) at the offset.
    private mutating func name() -> String? {
        let start = offset
        func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: ":"),
                0x80...0xFF:
                return true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): return !first
            default: return false
            }
        }
        guard offset < bytes.count, isNameByte(bytes[offset], first: true) else { return nil }
        offset += 1
        while offset < bytes.count && isNameByte(bytes[offset], first: false) { offset += 1 }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = offset
        while offset < bytes.count && Self.isSpace(bytes[offset]) { offset += 1 }
        return offset > start
    }

    private func matches(_ text: String) -> Bool {
        bytes[offset...].starts(with: text.utf8)
    }

    private func matchesIgnoringCase(_ lowercase: String) -> Bool {
        let pattern = Array(lowercase.utf8)
        guard offset + pattern.count <= bytes.count else { return false }
        return zip(bytes[offset..<(offset + pattern.count)], pattern).allSatisfy { byte, wanted in
            (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) == wanted
        }
    }

    /// The offset of the first occurrence of `pattern` at or after `start` (and, with
    /// `before`, ending before it).
    private func find(_ pattern: [UInt8], from start: Int, before end: Int? = nil) -> Int? {
        var index = start
        let last = (end ?? bytes.count) - pattern.count
        while index <= last {
            guard let candidate = bytes[index...last].firstIndex(of: pattern[0]) else { return nil }
            if bytes[candidate..<(candidate + pattern.count)].elementsEqual(pattern) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private func failure(_ message: String, at offset: Int) -> Failure {
        let end = min(offset, bytes.count)
        var line = 1
        for byte in bytes[..<end] where byte == 0x0A { line += 1 }
        return Failure(message: message, line: line)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// XML 1.0's Char: tab, line feed, carriage return and U+0020 up, less surrogates, U+FFFE and U+FFFF.
    private static func isAllowed(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func normalisingLineBreaks(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(0x0D) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            if slice[index] == 0x0D {
                out.append(0x0A)
                if index + 1 < slice.endIndex && slice[index + 1] == 0x0A { index += 1 }
            } else {
                out.append(slice[index])
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first byte that is not valid UTF-8 or is a character XML does not allow.
    private static func firstDisallowedCharacter(_ bytes: [UInt8]) -> (Int, String)? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if !isAllowed(scalar.value) {
                    return (offset, "the character U+\(String(scalar.value, radix: 16, uppercase: true)), which XML does not allow")
                }
                offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return (offset, "invalid UTF-8 at byte \(offset)")
            }
        }
    }

    /// The value of `name="value"` (or with single quotes) inside an XML declaration.
    private static func pseudoAttribute(_ name: String, in declaration: ArraySlice<UInt8>) -> String? {
        let pattern = Array(name.utf8)
        var index = declaration.startIndex
        while index + pattern.count <= declaration.endIndex && !declaration[index..<(index + pattern.count)].elementsEqual(pattern) {
            index += 1
        }
        guard index + pattern.count <= declaration.endIndex else { return nil }
        var rest = declaration[(index + pattern.count)...].drop(while: isSpace)
        guard rest.first == UInt8(ascii: "=") else { return nil }
        rest = rest.dropFirst().drop(while: isSpace)
        guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        rest = rest.dropFirst()
        return rest.firstIndex(of: quote).map { String(decoding: rest[..<$0], as: UTF8.self) }
    }
}
