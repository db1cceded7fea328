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
        if isOwnKey(label) { return label }
        return label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Whether a label is already its key (nearly every one: `1`, `note-2`): ASCII without
    /// capitals or tabs, single spaces between its words and none around them.
    private static func isOwnKey(_ label: String) -> Bool {
        var label = label
        return label.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte >= 0x80 || byte == 0x09 || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) { return false }
                if byte == 0x20 && previous == 0x20 { return false }
                previous = byte
            }
            return true
        }
    }
}
