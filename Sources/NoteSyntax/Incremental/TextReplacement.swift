/// One edit of a note's bytes: `range` of the old text replaced by `insertedCount` new bytes.
public struct TextReplacement: Sendable, Equatable {
    public let range: ByteRange
    public let insertedCount: Int

    public init(range: ByteRange, insertedCount: Int) {
        self.range = range
        self.insertedCount = insertedCount
    }

    /// How far bytes after the edit moved.
    public var byteDelta: Int { insertedCount - range.length }
}
