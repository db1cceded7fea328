extension SourceText {
    /// The text `bytes`, which is `old` with `edit` applied. When the old text was clean ASCII
    /// and the edit inserted ASCII, nothing needs sanitising and the lines outside the edit are
    /// the old ones, moved: only the edited lines are read (typing into a long note would
    /// otherwise index the whole text on every keystroke). Otherwise the whole text is read.
    public init(bytes: [UInt8], revising old: SourceText, by edit: TextReplacement) {
        let inserted = edit.range.start..<(edit.range.start + edit.insertedCount)
        guard old.lineIndex.isASCII, old.encodingProblems.isEmpty, edit.range.end <= old.count,
            bytes.count == old.count + edit.insertedCount - edit.range.length,
            bytes[inserted].allSatisfy({ $0 != 0 && $0 < 0x80 })
        else {
            self.init(bytes: bytes)
            return
        }
        self.init(bytes: bytes, encodingProblems: [], lineIndex: LineIndex(bytes, revising: old.lineIndex, by: edit))
    }
}

extension LineIndex {
    /// The lines of ASCII `bytes`, which are the ASCII text of `old` with `edit` applied: the
    /// lines before the edit are kept, the edited ones read again until a line starts where an
    /// old one started after the edit; from there on the old lines are moved.
    init(_ bytes: [UInt8], revising old: LineIndex, by edit: TextReplacement) {
        let delta = edit.insertedCount - edit.range.length
        let insertedEnd = edit.range.start + edit.insertedCount
        // The line before the edit's too: an edit at a line start can change its terminator.
        let firstLine = old.line(containing: max(edit.range.start - 1, 0))
        var starts: [Int] = []
        var ends: [Int] = []
        starts.reserveCapacity(old.lineStarts.count + 16)
        ends.reserveCapacity(old.lineStarts.count + 16)
        starts += old.lineStarts[...firstLine]
        ends += old.contentEnds[..<firstLine]
        let count = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            var offset = old.lineStarts[firstLine]
            while offset < count {
                let byte = buffer[offset]
                guard byte == 0x0A || byte == 0x0D else {
                    offset += 1
                    continue
                }
                ends.append(offset)
                if byte == 0x0D && offset + 1 < count && buffer[offset + 1] == 0x0A { offset += 1 }
                offset += 1
                starts.append(offset)
                if offset >= insertedEnd, let line = old.lineStarting(at: offset - delta) {
                    // The bytes from here on are the old ones: so are the lines.
                    Self.append(old.contentEnds[line...], movedBy: delta, to: &ends)
                    Self.append(old.lineStarts[(line + 1)...], movedBy: delta, to: &starts)
                    return
                }
            }
            ends.append(count)
        }
        self.init(lineStarts: starts, contentEnds: ends, bytes: bytes)
    }

    /// Copied, then moved in one plain loop: appending a lazily mapped slice costs several
    /// times more for each of a long note's lines.
    private static func append(_ offsets: ArraySlice<Int>, movedBy delta: Int, to array: inout [Int]) {
        let start = array.count
        array += offsets
        array.withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count { buffer[index] += delta }
        }
    }

    /// The line that starts at `offset`, if one does.
    func lineStarting(at offset: Int) -> Int? {
        let line = line(containing: offset)
        return lineStarts[line] == offset ? line : nil
    }
}
