/// A GFM table whose header names record fields: one record per body row, each cell a field at
/// the exact position of its text, keyed by its column's header.
struct TableRecords {
    let reader: RecordReader

    func records(table: Int) -> [Entry] {
        let rows = reader.children[table]
        let source = reader.source
        guard let header = rows.first, case .extensionBlock("table_header") = reader.blocks[header].kind else { return [] }
        let headerCells = Self.cells(line: reader.blocks[header].startLine, source: source).map(\.text)
        let keys: [(key: String, range: ByteRange, role: FieldRole?)?] = headerCells.map { cell in
            let range = Self.withoutEmphasis(cell, in: source)
            guard !range.isEmpty, FieldLine.isKey(source.bytes[range.start..<range.end]) else { return nil }
            let key = source.string(range)
            return (key, range, reader.vocabulary.role(of: key))
        }
        var roles = Set<FieldRole>()
        for key in keys { if let role = key?.role { roles.insert(role) } }
        guard roles.count >= 2, roles.contains(where: \.isIdentifying) else { return [] }
        let tableLines = reader.blocks[table].lines
        var records: [Entry] = []
        for row in rows.dropFirst() {
            let line = reader.blocks[row].startLine
            let cells = Self.cells(line: line, source: source)
            var fields: [Field] = []
            for (column, (interior, written)) in cells.enumerated() where column < keys.count {
                let cell = ValueText.unwrapped(written, in: source)
                guard let key = keys[column] else { continue }
                let isEmpty = cell.isEmpty
                // An empty cell says there is none (no code, no notes), except for what names the paper.
                if isEmpty && !(key.role?.isIdentifying ?? false) { continue }
                let field = Field(
                    key: key.key, keyRange: key.range, colonOffset: key.range.end, rawValueRange: interior,
                    valueRange: cell, value: source.string(cell), range: cell, line: line,
                    origin: .tableCell, role: key.role)
                // The field, then the link a title written as one carries.
                let read = FieldLine.readingLink(field, source: source)
                fields.append(read.field)
                if let link = read.link { fields.append(link) }
            }
            // A row that names no paper is a slot still to fill (a reading group's later weeks).
            // By index: `contains(where:)` and `map` copy every field.
            guard fields.indices.contains(where: { fields[$0].role?.isIdentifying == true && !fields[$0].isEmpty }) else { continue }
            var start = Int.max
            var end = Int.min
            for index in fields.indices {
                start = min(start, fields[index].range.start)
                end = max(end, fields[index].range.end)
            }
            let range = ByteRange(start, end)
            records.append(
                Entry(
                    fields: fields, lines: line...line, range: range, blockIndex: row, shape: .tableRow,
                    context: tableLines.lowerBound...line))
        }
        return records
    }

    /// Each cell of a table line: all between its pipes, and its trimmed text. Pipes inside
    /// code spans or escaped do not split cells.
    static func cells(line: Int, source: SourceText) -> [(interior: ByteRange, text: ByteRange)] {
        let content = source.lineContent(line)
        let bytes = source.bytes
        var start = content.start
        var end = content.end
        while start < end && FieldLine.isBlank(bytes[start]) { start += 1 }
        while end > start && FieldLine.isBlank(bytes[end - 1]) { end -= 1 }
        if start < end && bytes[start] == UInt8(ascii: "|") { start += 1 }
        if end > start && bytes[end - 1] == UInt8(ascii: "|") && (end - 2 < start || bytes[end - 2] != UInt8(ascii: "\\")) { end -= 1 }
        var cells: [(interior: ByteRange, text: ByteRange)] = []
        var cellStart = start
        var inCode = false
        var offset = start
        while offset <= end {
            if offset == end || (bytes[offset] == UInt8(ascii: "|") && !inCode) {
                var from = cellStart
                var to = offset
                while from < to && FieldLine.isBlank(bytes[from]) { from += 1 }
                while to > from && FieldLine.isBlank(bytes[to - 1]) { to -= 1 }
                cells.append((ByteRange(cellStart, offset), from == to ? .empty(at: from) : ByteRange(from, to)))
                cellStart = offset + 1
            } else if bytes[offset] == UInt8(ascii: "\\") {
                offset += 1
            } else if bytes[offset] == UInt8(ascii: "`") {
                inCode.toggle()
            }
            offset += 1
        }
        return cells
    }

    private static func withoutEmphasis(_ range: ByteRange, in source: SourceText) -> ByteRange {
        let text = source.string(range)
        for marker in ["**", "__", "*", "_"] where text.count > 2 * marker.count && text.hasPrefix(marker) && text.hasSuffix(marker) {
            return ByteRange(range.start + marker.utf8.count, range.end - marker.utf8.count)
        }
        return range
    }
}
