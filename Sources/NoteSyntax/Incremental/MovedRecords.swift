/// Records that an edit above them moved without changing them: the same values at offsets
/// `bytes` further and lines `lines` further.
extension Field {
    public func moved(bytes: Int, lines: Int) -> Field {
        Field(
            key: key, keyRange: keyRange.shifted(by: bytes), colonOffset: colonOffset + bytes,
            rawValueRange: rawValueRange.shifted(by: bytes), valueRange: valueRange.shifted(by: bytes), value: value,
            range: range.shifted(by: bytes), line: line + lines, origin: origin, role: role)
    }
}

extension Entry {
    /// The lines an edit must touch to change what rules find in the entry: its own, those
    /// that decided it is a record (`context`), the prose it runs into, and one line on either
    /// side (a value's trailing blanks are read against the next line).
    public var extent: ClosedRange<Int> {
        var last = max(lines.upperBound, context.upperBound)
        if let proseLine { last = max(last, proseLine) }
        if let listValueLine { last = max(last, listValueLine) }
        if let furniture = furnitureLines.max() { last = max(last, furniture) }
        return max(min(lines.lowerBound, context.lowerBound) - 1, 0)...(last + 1)
    }
}
