/// A field of a record: a key and a value, each with its byte range. Most are `Key: value`
/// lines; some are implied by the note's shape (a heading as the title, a table cell).
public struct Field: Sendable, Equatable {
    /// Where the field's key and value come from.
    public enum Origin: Sendable, Equatable {
        /// `Key: value` (or `Key:: value`) on a line of its own.
        case line
        /// The text of a heading (or of a list item) taken as the record's title.
        case heading
        /// The target of a Markdown link written as the value of a title field.
        case linkTarget
        /// A cell of a table row; the key is the column's header.
        case tableCell
        /// A pair of the front matter.
        case frontMatter
    }

    /// The key as written, without emphasis or blanks; for implied fields, the role's name.
    public let key: String
    /// Where the key is written; empty at the value's start for an implied key.
    public let keyRange: ByteRange
    /// Offset of the colon after the key (the last colon of `::`); for fields without one,
    /// the end of the key range.
    public let colonOffset: Int
    /// From just after the colon to the end of the line (blanks included); the value's range
    /// for fields that are not lines.
    public let rawValueRange: ByteRange
    /// The value without surrounding blanks (nor the brackets of a Markdown link around it);
    /// empty (at the end of the raw value) when blank.
    public let valueRange: ByteRange
    public let value: String
    /// From the key to the end of the value.
    public let range: ByteRange
    public let line: Int
    public let origin: Origin
    /// What the field says about the paper; nil for a key the vocabulary does not know.
    public let role: FieldRole?

    public init(
        key: String, keyRange: ByteRange, colonOffset: Int, rawValueRange: ByteRange, valueRange: ByteRange,
        value: String, range: ByteRange, line: Int, origin: Origin = .line, role: FieldRole?
    ) {
        self.key = key
        self.keyRange = keyRange
        self.colonOffset = colonOffset
        self.rawValueRange = rawValueRange
        self.valueRange = valueRange
        self.value = value
        self.range = range
        self.line = line
        self.origin = origin
        self.role = role
    }

    public var isEmpty: Bool { value.isEmpty }

    /// The same field with another value range (the text inside a Markdown link).
    func withValue(
        _ range: ByteRange, in source: SourceText, origin: Origin? = nil, key: String? = nil,
        keyRange: ByteRange? = nil, role: FieldRole?? = nil
    ) -> Field {
        Field(
            key: key ?? self.key, keyRange: keyRange ?? self.keyRange, colonOffset: colonOffset, rawValueRange: rawValueRange,
            valueRange: range, value: source.string(range), range: self.range, line: line, origin: origin ?? self.origin,
            role: role ?? self.role)
    }

    /// Keys compare ignoring case; ASCII keys (nearly all) without allocating.
    public static func sameKey(_ lhs: String, _ rhs: String) -> Bool {
        // Other first characters, both ASCII (the usual miss), differ however the rest folds.
        if let x = lhs.utf8.first, let y = rhs.utf8.first, x < 0x80, y < 0x80, ASCIIByte.lowercased(x) != ASCIIByte.lowercased(y) {
            return false
        }
        var left = lhs
        var right = rhs
        let answer: Bool? = left.withUTF8 { a in
            right.withUTF8 { b in
                // Keys of other lengths differ, unless case folding outside ASCII says otherwise.
                guard a.count == b.count else {
                    return a.contains(where: { $0 >= 0x80 }) || b.contains(where: { $0 >= 0x80 }) ? nil : false
                }
                for index in 0..<a.count where a[index] != b[index] {
                    let (x, y) = (a[index], b[index])
                    if x >= 0x80 || y >= 0x80 { return nil }
                    if (x | 0x20) != (y | 0x20) || !((x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A) { return false }
                }
                return true
            }
        }
        return answer ?? (lhs.lowercased() == rhs.lowercased())
    }
}

/// A record: what a note says about one paper, in any of the shapes people write
/// (docs/records.md): a paragraph of `Key: value` lines, list items, a heading and its
/// fields, a table row, the front matter.
public struct Entry: Sendable, Equatable {
    public enum Shape: String, Sendable, Equatable {
        /// A paragraph of field lines (or one Markdown turned into a setext heading).
        case paragraph
        /// The fields continue one list item.
        case listItem
        /// One field per list item, over consecutive items.
        case listItems
        /// A heading (or a list item's text) is the title; the fields follow it.
        case heading
        /// A row of a table whose header names the fields.
        case tableRow
        /// The front matter of a note about one paper.
        case frontMatter
    }

    public let fields: [Field]
    /// The lines the record's own text spans (its fields and any furniture between them).
    public let lines: ClosedRange<Int>
    /// From the first key to the end of the last value.
    public let range: ByteRange
    public let shape: Shape
    /// The lines whose text decided that this is a record and what it holds: its own, the
    /// heading it takes its title from, the list whose items it spans, the table's header.
    /// An edit outside them cannot change the record.
    public let context: ClosedRange<Int>
    /// Lines inside the record that are no field: text pasted with it from arXiv's abstract
    /// page, such as `(or arXiv:2104.09864v5 [cs.CL] for this version)`.
    public let furnitureLines: [Int]
    // The lines and the block index below are kept in 32 bits (-1 for none), as cmark counts
    // lines: an entry is copied whole at every step of a parse, and a smaller one is copied
    // in place rather than by a call to memcpy.
    @usableFromInline let storedBlockIndex: Int32
    @usableFromInline let storedHeadingUnderlineLine: Int32
    @usableFromInline let storedProseLine: Int32
    @usableFromInline let storedListValueLine: Int32
    @usableFromInline let storedExtentLow: Int32
    @usableFromInline let storedExtentHigh: Int32

    /// Index of the (first) block it was read from; the front matter's record has none.
    @inlinable public var blockIndex: Int { Int(storedBlockIndex) }
    /// The `---` line that turned the entry into a setext heading, if any.
    @inlinable public var headingUnderlineLine: Int? { storedHeadingUnderlineLine < 0 ? nil : Int(storedHeadingUnderlineLine) }
    /// The first line of prose that continues the record's paragraph, when no blank line
    /// separates them.
    @inlinable public var proseLine: Int? { storedProseLine < 0 ? nil : Int(storedProseLine) }
    /// The line of a last field written without a value because a list right below gives it
    /// (`**Links**:` then `- arXiv: ...`, `- Code: ...`): not empty, only written apart.
    @inlinable public var listValueLine: Int? { storedListValueLine < 0 ? nil : Int(storedListValueLine) }
    /// The lines an edit must touch to change what rules find in the entry: its own, those
    /// that decided it is a record (`context`), the prose it runs into, and one line on either
    /// side (a value's trailing blanks are read against the next line). Kept, not computed:
    /// every edit of a large note compares it for every entry.
    @inlinable public var extent: ClosedRange<Int> { Int(storedExtentLow)...Int(storedExtentHigh) }

    public init(
        fields: [Field], lines: ClosedRange<Int>, range: ByteRange, blockIndex: Int, headingUnderlineLine: Int? = nil,
        shape: Shape = .paragraph, context: ClosedRange<Int>? = nil, proseLine: Int? = nil, furnitureLines: [Int] = [],
        listValueLine: Int? = nil
    ) {
        func stored(_ line: Int?) -> Int32 { line.map { Int32(clamping: $0) } ?? -1 }
        self.fields = fields
        self.lines = lines
        self.range = range
        self.shape = shape
        let context = context ?? lines
        self.context = context
        self.furnitureLines = furnitureLines
        storedBlockIndex = Int32(clamping: blockIndex)
        storedHeadingUnderlineLine = stored(headingUnderlineLine)
        storedProseLine = stored(proseLine)
        storedListValueLine = stored(listValueLine)
        var last = max(lines.upperBound, context.upperBound)
        if let proseLine { last = max(last, proseLine) }
        if let listValueLine { last = max(last, listValueLine) }
        if let furniture = furnitureLines.max() { last = max(last, furniture) }
        storedExtentLow = Int32(clamping: max(min(lines.lowerBound, context.lowerBound) - 1, 0))
        storedExtentHigh = Int32(clamping: last + 1)
    }

    /// The first field whose key equals `key`, compared case-insensitively.
    public func field(_ key: String) -> Field? {
        // By index: `first(where:)` copied every field it looked at.
        for index in fields.indices where Field.sameKey(fields[index].key, key) { return fields[index] }
        return nil
    }

    /// The first field with one of `roles`, tried in that order.
    public func field(role roles: FieldRole...) -> Field? {
        for role in roles {
            for index in fields.indices where fields[index].role == role { return fields[index] }
        }
        return nil
    }

    public func has(_ role: FieldRole) -> Bool { fields.contains { $0.role == role } }

    public var isBlank: Bool { fields.allSatisfy { $0.value.isEmpty } }

    /// Whether the record's fields are lines the author wrote as `Key: value`, which fixes
    /// may rename, remove or re-space.
    public var isWrittenAsLines: Bool {
        switch shape {
        case .paragraph, .listItem, .listItems: return true
        case .heading, .tableRow, .frontMatter: return false
        }
    }
}

extension String {
    func trimmingBlanks() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
