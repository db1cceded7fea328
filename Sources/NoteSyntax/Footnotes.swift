/// A footnote reference, `[^label]`.
public struct FootnoteReference: Sendable, Equatable {
    public let label: String
    /// The label folded for comparison: lower-cased, whitespace collapsed.
    public let key: String
    /// From `[` to `]`.
    public let range: ByteRange
}

/// A footnote definition, `[^label]: text` with its continuation lines.
public struct FootnoteDefinition: Sendable, Equatable {
    public let label: String
    public let key: String
    /// `[^label]:`, the marker.
    public let markerRange: ByteRange
    /// The text after the marker on every line of the definition, without surrounding blanks;
    /// empty (at the end of the marker) when there is none.
    public let textRange: ByteRange
    public let lines: ClosedRange<Int>

    public var isEmpty: Bool { textRange.isEmpty }
}

public struct Footnotes: Sendable, Equatable {
    public let references: [FootnoteReference]
    public let definitions: [FootnoteDefinition]

    public static func key(for label: String) -> String {
        label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
