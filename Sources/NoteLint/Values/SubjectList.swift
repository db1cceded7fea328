import ArxivKit
import NoteSyntax

/// A Subjects value read as arXiv writes it: `Name (code); Name (code)`. Items are found by
/// their `(code)` groups, so names may hold commas ("Adaptation, Noise, and ..."); a value of
/// bare codes (`cs.CL, cs.AI`) is read too, so it can be rewritten. Items are placed relative to
/// the value's start, so that a list moved by an edit above it is the same list.
struct SubjectList {
    struct Item {
        let name: String?
        /// Counted from the value's start, as `codeRange` is.
        let nameRange: ByteRange?
        let code: String
        let codeRange: ByteRange
        /// The category the code names (`ArxivTaxonomy.category`), looked up once when the list is
        /// read: three rules ask.
        let category: ArxivCategory?
        /// Whether the name and the code are written exactly as the category's (bytes compared
        /// once, when the list is read): what `isCanonical` asks besides where they are.
        let isWrittenAsArxivWritesIt: Bool

        init(
            name: String?, nameRange: ByteRange?, code: String, codeRange: ByteRange, category: ArxivCategory?,
            isWrittenAsArxivWritesIt: Bool = false
        ) {
            self.name = name
            self.nameRange = nameRange
            self.code = code
            self.codeRange = codeRange
            self.category = category
            self.isWrittenAsArxivWritesIt = isWrittenAsArxivWritesIt
        }

        init(name: String?, nameRange: ByteRange?, code: String, codeRange: ByteRange) {
            self.init(name: name, nameRange: nameRange, code: code, codeRange: codeRange, category: ArxivTaxonomy.category(code))
        }

        var isKnown: Bool { category != nil }

        /// Whether a name is written that is not the code's name (case and runs of blanks aside).
        var nameContradictsCode: Bool {
            guard let name, let category else { return false }
            return name != category.name && collapse(name).lowercased() != category.name.lowercased()
        }
    }

    let items: [Item]
    /// Text that belongs to no item and is not a separator.
    let hasStrayText: Bool

    /// Reads `range` of `source` (a field's value).
    init(_ range: ByteRange, in source: SourceText) {
        (items, hasStrayText) = source.bytes.withUnsafeBufferPointer { Self.read(range, of: source, bytes: $0) }
    }

    private static func read(_ range: ByteRange, of source: SourceText, bytes: UnsafeBufferPointer<UInt8>) -> ([Item], Bool) {
        var items: [Item] = []
        items.reserveCapacity(4)
        var stray = false
        var cursor = range.start
        var offset = range.start
        // Pass 1: `Name (code)` items, each ending at a `(code)` group.
        // The bytes between groups are skipped by memchr.
        while let open = ByteSearch.first(UInt8(ascii: "("), in: bytes, from: offset, to: range.end) {
            offset = open
            if let close = ByteSearch.first(UInt8(ascii: ")"), in: bytes, from: offset + 1, to: range.end) {
                let codeRange = ByteRange(offset + 1, close)
                if SubjectList.looksLikeCode(bytes[codeRange.start..<codeRange.end]) {
                    let (code, category, codeIsExact) = SubjectList.code(codeRange, of: source, bytes: bytes)
                    var nameStart = SubjectList.skipSeparators(cursor, range.end, bytes)
                    // Known codes written bare before the name (`cs.CL, Artificial Intelligence
                    // (cs.AI)`) are items of their own: a fix to the name must not delete them.
                    var separator = SubjectList.firstListSeparator(bytes, from: nameStart, to: offset)
                    while let found = separator {
                        let token = SubjectList.trimmed(ByteRange(nameStart, found), bytes)
                        guard SubjectList.looksLikeCode(bytes[token.start..<token.end]) else { break }
                        let text = source.string(token)
                        guard let category = ArxivTaxonomy.category(text) else { break }
                        items.append(
                            Item(name: nil, nameRange: nil, code: text, codeRange: token.shifted(by: -range.start), category: category))
                        nameStart = SubjectList.skipSeparators(found + 1, offset, bytes)
                        separator = SubjectList.firstListSeparator(bytes, from: nameStart, to: offset)
                    }
                    // No name holds `;`: text before one is stray, not part of this name (a fix
                    // to the name would delete it). Without a separator left, there is none.
                    if separator != nil, let semicolon = (nameStart..<offset).last(where: { bytes[$0] == UInt8(ascii: ";") }) {
                        stray = true
                        nameStart = SubjectList.skipSeparators(semicolon + 1, offset, bytes)
                    }
                    let nameRange = SubjectList.trimmed(ByteRange(nameStart, offset), bytes)
                    let (name, nameIsExact) =
                        nameRange.isEmpty ? (nil, false) : SubjectList.name(nameRange, of: source, bytes: bytes, category: category)
                    items.append(
                        Item(
                            name: name, nameRange: nameRange.isEmpty ? nil : nameRange.shifted(by: -range.start), code: code,
                            codeRange: codeRange.shifted(by: -range.start), category: category,
                            isWrittenAsArxivWritesIt: nameIsExact && codeIsExact))
                    cursor = close + 1
                    offset = close + 1
                    continue
                }
            }
            offset += 1
        }
        if items.isEmpty {
            // Pass 2: bare codes separated by `;`, `,` or blanks.
            var start = range.start
            var index = range.start
            while index <= range.end {
                let atSeparator = index == range.end || Self.isSeparator(bytes[index])
                if atSeparator {
                    if start < index {
                        let token = ByteRange(start, index)
                        if SubjectList.looksLikeCode(bytes[token.start..<token.end]) {
                            items.append(
                                Item(name: nil, nameRange: nil, code: source.string(token), codeRange: token.shifted(by: -range.start)))
                        } else {
                            stray = true
                        }
                    }
                    start = index + 1
                }
                index += 1
            }
        } else {
            let tail = SubjectList.trimmed(ByteRange(SubjectList.skipSeparators(cursor, range.end, bytes), range.end), bytes)
            stray = stray || !tail.isEmpty
        }
        return (items, stray)
    }

    /// The code at `range` and its category. A code written exactly as arXiv writes it (nearly
    /// every one) is found by its bytes and shares the taxonomy's own string.
    private static func code(_ range: ByteRange, of source: SourceText, bytes: UnsafeBufferPointer<UInt8>)
        -> (String, ArxivCategory?, isExact: Bool)
    {
        if let category = ArxivTaxonomy.exactCategory(bytes: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end])) {
            return (category.id, category, true)
        }
        let code = source.string(range)
        return (code, ArxivTaxonomy.category(code), false)
    }

    /// The name at `range`: the category's own string when it is written exactly so.
    private static func name(_ range: ByteRange, of source: SourceText, bytes: UnsafeBufferPointer<UInt8>, category: ArxivCategory?)
        -> (String, isExact: Bool)
    {
        if let written = category?.name, ByteSearch.holds(written, in: bytes, from: range.start, to: range.end) { return (written, true) }
        return (source.string(range), false)
    }

    /// `cs.CL`, `hep-th`, `astro-ph.HE`, `math.MP`: an archive, optionally `.` and a subject.
    static func looksLikeCode(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { looksLikeCode($0[...]) }
    }

    static func looksLikeCode(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var parts = 1
        var previous: UInt8 = UInt8(ascii: ".")
        for byte in text {
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if byte == UInt8(ascii: ".") {
                parts += 1
                guard parts <= 2, previous != UInt8(ascii: ".") else { return false }
            } else if !(isLetter || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "."))) {
                return false
            }
            previous = byte
        }
        return !text.isEmpty && previous != UInt8(ascii: ".") && text.first != UInt8(ascii: "-")
    }

    /// Whether `range` of `source` already reads exactly as `canonical()` would write it;
    /// checked on the bytes, since most values were copied from arXiv and pass.
    func isCanonical(_ range: ByteRange, in source: SourceText) -> Bool {
        guard !hasStrayText, !items.isEmpty else { return false }
        return source.bytes.withUnsafeBufferPointer { bytes in
            items.withUnsafeBufferPointer { items in
                var offset = range.start
                // Each name and code was compared with the category's when the list was read:
                // here only the places between them are.
                for index in items.indices {
                    guard items[index].isWrittenAsArxivWritesIt, let nameRange = items[index].nameRange else { return false }
                    if index > 0 && !Self.expect(literal: "; ", in: bytes, upTo: range.end, at: &offset) { return false }
                    guard nameRange.start + range.start == offset else { return false }
                    offset = nameRange.end + range.start
                    guard Self.expect(literal: " (", in: bytes, upTo: range.end, at: &offset),
                        items[index].codeRange.start + range.start == offset
                    else { return false }
                    offset = items[index].codeRange.end + range.start
                    guard Self.expect(literal: ")", in: bytes, upTo: range.end, at: &offset) else { return false }
                }
                return offset == range.end
            }
        }
    }

    /// Whether the literal `part` is written at `offset` (before `end`); moves `offset` past it
    /// when it is.
    private static func expect(literal part: StaticString, in bytes: UnsafeBufferPointer<UInt8>, upTo end: Int, at offset: inout Int)
        -> Bool
    {
        let count = part.utf8CodeUnitCount
        guard count <= end - offset else { return false }
        for index in 0..<count where bytes[offset + index] != part.utf8Start[index] { return false }
        offset += count
        return true
    }

    /// The canonical rendering, with arXiv's names and codes; nil when a code is unknown.
    func canonical() -> String? {
        var parts: [String] = []
        for item in items {
            guard let category = item.category else { return nil }
            parts.append("\(category.name) (\(category.id))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The items rendered canonically but with the names as written, to compare shapes.
    func renderedAsWritten() -> String {
        items.map { item in
            let code = item.category?.id ?? item.code
            return item.name.map { "\(collapse($0)) (\(code))" } ?? "(\(code))"
        }.joined(separator: "; ")
    }

    /// The first `,` or `;` in `start..<end`, found by memchr.
    private static func firstListSeparator(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        let comma = ByteSearch.first(UInt8(ascii: ","), in: bytes, from: start, to: end)
        let semicolon = ByteSearch.first(UInt8(ascii: ";"), in: bytes, from: start, to: comma ?? end)
        return semicolon ?? comma
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",") || byte == 0x20 || byte == 0x09
    }

    private static func skipSeparators(_ start: Int, _ end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = start
        while offset < end && isSeparator(bytes[offset]) { offset += 1 }
        return offset
    }

    private static func trimmed(_ range: ByteRange, _ bytes: UnsafeBufferPointer<UInt8>) -> ByteRange {
        var start = range.start
        var end = range.end
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return ByteRange(start, end)
    }
}

/// Runs of blanks collapsed to one space: spacing is `field-whitespace`'s business.
func collapse(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
}
