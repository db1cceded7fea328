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
        case heading(level: Int)
        case thematicBreak
        case footnoteDefinition
        /// A block from an extension (table, table row, ...), named by cmark's type string.
        case extensionBlock(String)
    }

    public let kind: Kind
    /// Index of the parent block, nil for the document.
    public let parent: Int?
    /// Number of container blocks above this one (the document is depth 0).
    public let depth: Int
    public let startLine: Int
    public let endLine: Int
    /// Byte column (0-based) where cmark says the block starts on its first line.
    public let startColumn: Int

    public var lines: ClosedRange<Int> { startLine...endLine }

    public init(kind: Kind, parent: Int?, depth: Int, startLine: Int, endLine: Int, startColumn: Int) {
        self.kind = kind
        self.parent = parent
        self.depth = depth
        self.startLine = startLine
        self.endLine = max(endLine, startLine)
        self.startColumn = startColumn
    }
}
