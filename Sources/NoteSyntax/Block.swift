/// One block of cmark's tree, stored flat in document order (pre-order). Lines are 0-based
/// and inclusive; `endLine` is clamped so that it is never before `startLine`.
public struct Block: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list
        case item
        case codeBlock
        case htmlBlock
        case paragraph
        case heading(level: UInt8)
        case thematicBreak
        case footnoteDefinition
        /// A block from an extension (table, table row, ...), named by cmark's type string.
        case extensionBlock(ExtensionBlock)
    }

    /// The blocks cmark-gfm's extensions make, named by cmark's type strings (a literal
    /// `"table"` is one). A name, not a String: a block with no reference in it is copied as
    /// plain bytes, and a note's blocks are copied at every keystroke.
    public enum ExtensionBlock: UInt8, Sendable, Equatable, ExpressibleByStringLiteral, CustomDebugStringConvertible {
        case table
        case tableHeader
        case tableRow
        case tableCell
        /// An extension's block this code has no use for.
        case other

        public init(name: String) {
            switch name {
            case "table": self = .table
            case "table_header": self = .tableHeader
            case "table_row": self = .tableRow
            case "table_cell": self = .tableCell
            default: self = .other
            }
        }

        public init(stringLiteral name: String) { self.init(name: name) }

        public var name: String {
            switch self {
            case .table: "table"
            case .tableHeader: "table_header"
            case .tableRow: "table_row"
            case .tableCell: "table_cell"
            case .other: "other"
            }
        }

        /// As a String payload printed: `extensionBlock("table")` in dumps.
        public var debugDescription: String { "\"" + name + "\"" }
    }

    public let kind: Kind
    // 32-bit, as cmark's own line and column numbers are: a block is 24 bytes with no
    // reference in it, and a large note's blocks are copied at every keystroke.
    @usableFromInline let storedParent: Int32
    @usableFromInline let storedDepth: Int32
    @usableFromInline let storedStartLine: Int32
    @usableFromInline let storedEndLine: Int32
    @usableFromInline let storedStartColumn: Int32

    /// Index of the parent block, nil for the document.
    @inlinable public var parent: Int? { storedParent < 0 ? nil : Int(storedParent) }
    /// Number of container blocks above this one (the document is depth 0).
    @inlinable public var depth: Int { Int(storedDepth) }
    @inlinable public var startLine: Int { Int(storedStartLine) }
    @inlinable public var endLine: Int { Int(storedEndLine) }
    /// Byte column (0-based) where cmark says the block starts on its first line.
    @inlinable public var startColumn: Int { Int(storedStartColumn) }

    @inlinable public var lines: ClosedRange<Int> { startLine...endLine }

    public init(kind: Kind, parent: Int?, depth: Int, startLine: Int, endLine: Int, startColumn: Int) {
        self.kind = kind
        storedParent = parent.map { Int32(clamping: $0) } ?? -1
        storedDepth = Int32(clamping: depth)
        storedStartLine = Int32(clamping: startLine)
        storedEndLine = Int32(clamping: max(endLine, startLine))
        storedStartColumn = Int32(clamping: startColumn)
    }

    /// This block with its lines moved by `lineDelta` and its parent's index by `parentShift`
    /// (the document, index 0, stays).
    func moved(lines lineDelta: Int, parents parentShift: Int) -> Block {
        Block(
            kind: kind, parent: parent.map { $0 == 0 ? 0 : $0 + parentShift }, depth: depth, startLine: startLine + lineDelta,
            endLine: endLine + lineDelta, startColumn: startColumn)
    }
}

extension Block {
    /// The indices of the top-level blocks among `blocks[range]`, in order.
    static func topLevel(of blocks: [Block], in range: Range<Int>) -> [Int] {
        blocks.withUnsafeBufferPointer { blocks in
            var found: [Int] = []
            found.reserveCapacity(range.count)
            for index in range where blocks[index].storedParent == 0 { found.append(index) }
            return found
        }
    }
}

extension Block {
    /// The indices of the top-level blocks whose lines overlap `lines`, in order.
    public static func topLevel(of blocks: [Block], overlapping lines: ClosedRange<Int>) -> [Int] {
        blocks.withUnsafeBufferPointer { blocks in
            var found: [Int] = []
            for index in blocks.indices
            where blocks[index].storedParent == 0 && blocks[index].startLine <= lines.upperBound
                && blocks[index].endLine >= lines.lowerBound
            {
                found.append(index)
            }
            return found
        }
    }
}
