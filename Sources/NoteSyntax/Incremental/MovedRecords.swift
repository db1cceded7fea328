/// Records that an edit above them moved without changing them: the same values at offsets
/// `bytes` further and lines `lines` further.
extension Field {
    @inline(__always) public func moved(bytes: Int, lines: Int) -> Field {
        Field(
            key: key, keyRange: keyRange.shifted(by: bytes), colonOffset: colonOffset + bytes,
            rawValueRange: rawValueRange.shifted(by: bytes), valueRange: valueRange.shifted(by: bytes), value: value,
            range: range.shifted(by: bytes), line: line + lines, origin: origin, role: role)
    }
}

extension Entry {
    /// The same record, `bytes` and `lines` further into the note and its block `blocks`
    /// further in the block list.
    func moved(bytes: Int, lines: Int, blocks: Int) -> Entry {
        Entry(
            fields: fields.map { $0.moved(bytes: bytes, lines: lines) },
            lines: (self.lines.lowerBound + lines)...(self.lines.upperBound + lines), range: range.shifted(by: bytes),
            blockIndex: blockIndex + blocks, headingUnderlineLine: headingUnderlineLine.map { $0 + lines }, shape: shape,
            context: (context.lowerBound + lines)...(context.upperBound + lines), proseLine: proseLine.map { $0 + lines },
            furnitureLines: furnitureLines.map { $0 + lines }, listValueLine: listValueLine.map { $0 + lines })
    }

    /// A paragraph of one `Title:` line: a record only where the note has others.
    var isLoneTitle: Bool { fields.count == 1 && fields[0].role == .title }
}

extension FootnoteDefinition {
    func moved(bytes: Int, lines: Int) -> FootnoteDefinition {
        FootnoteDefinition(
            label: label, key: key, markerRange: markerRange.shifted(by: bytes), textRange: textRange.shifted(by: bytes),
            lines: (self.lines.lowerBound + lines)...(self.lines.upperBound + lines))
    }
}

extension FootnoteReference {
    func moved(bytes: Int) -> FootnoteReference {
        FootnoteReference(label: label, key: key, range: range.shifted(by: bytes))
    }
}
