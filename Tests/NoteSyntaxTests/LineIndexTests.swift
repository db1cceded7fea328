import Testing

@testable import NoteSyntax

private func index(_ text: String) -> LineIndex { LineIndex(Array(text.utf8)) }

private func contentRanges(_ index: LineIndex) -> [ByteRange] {
    (0..<index.lineCount).map { index.contentRange(ofLine: $0) }
}

@Suite struct LineEndingTests {
    @Test func lineFeed() {
        let lines = index("ab\ncd\n")
        #expect(lines.lineStarts == [0, 3, 6])
        #expect(contentRanges(lines) == [ByteRange(0, 2), ByteRange(3, 5), ByteRange(6, 6)])
        #expect(lines.fullRange(ofLine: 0) == ByteRange(0, 3))
        #expect(lines.fullRange(ofLine: 2) == ByteRange(6, 6))
    }

    @Test func carriageReturnLineFeed() {
        let lines = index("ab\r\ncd\r\n")
        #expect(lines.lineStarts == [0, 4, 8])
        #expect(contentRanges(lines) == [ByteRange(0, 2), ByteRange(4, 6), ByteRange(8, 8)])
        #expect(lines.fullRange(ofLine: 0) == ByteRange(0, 4))
        #expect(lines.fullRange(ofLine: 1) == ByteRange(4, 8))
    }

    @Test func loneCarriageReturn() {
        let lines = index("ab\rcd\r")
        #expect(lines.lineStarts == [0, 3, 6])
        #expect(contentRanges(lines) == [ByteRange(0, 2), ByteRange(3, 5), ByteRange(6, 6)])
    }

    @Test func mixedEndings() {
        // "a" CRLF, "" CR, "b" LF, "" LF, "c"; and CR CR LF is two line ends, not one.
        let lines = index("a\r\n\rb\n\nc")
        #expect(lines.lineStarts == [0, 3, 4, 6, 7])
        #expect(contentRanges(lines) == [ByteRange(0, 1), ByteRange(3, 3), ByteRange(4, 5), ByteRange(6, 6), ByteRange(7, 8)])
        #expect(index("\r\r\n").lineStarts == [0, 1, 3])
        #expect(index("\n\r").lineStarts == [0, 1, 2])
    }

    @Test func emptyTextAndNoFinalNewline() {
        let empty = index("")
        #expect(empty.lineCount == 1)
        #expect(empty.contentRange(ofLine: 0) == ByteRange(0, 0))
        #expect(empty.position(of: 0, in: .utf16) == LineIndex.Position(line: 0, column: 0))
        let single = index("abc")
        #expect(single.lineStarts == [0])
        #expect(single.contentRange(ofLine: 0) == ByteRange(0, 3))
    }

    /// Galloping from any line at or above the answer finds what the whole search finds, over
    /// lines of every length (empty ones too) and past the text's end.
    @Test func lineContainingFromALineAbove() {
        var text = ""
        for length in [0, 0, 3, 1, 0, 7, 2, 0, 0, 0, 12, 5, 0, 1, 1, 1, 40, 0, 2] { text += String(repeating: "x", count: length) + "\n" }
        let lines = LineIndex(Array((text + "tail").utf8))
        for offset in 0...(text.utf8.count + 6) {
            let line = lines.line(containing: offset)
            for from in 0...line {
                #expect(lines.line(containing: offset, from: from) == line, "offset \(offset) from \(from)")
            }
        }
    }

    @Test func lineContaining() {
        let lines = index("ab\r\ncd")
        #expect([0, 1, 2, 3, 4, 5, 6].map(lines.line(containing:)) == [0, 0, 0, 0, 1, 1, 1])
        #expect(lines.line(containing: -5) == 0)
        #expect(lines.line(containing: 99) == 1)
    }
}

@Suite struct ColumnTests {
    // Second line: a, é (2 bytes), 中 (3), 😀 (4 bytes, 2 UTF-16 units), e + U+0301 (1 + 2), x.
    static let text = "line one\naé中😀e\u{301}x\nend"
    static let secondLine = 9

    /// (byte offset in the line, UTF-8 column, UTF-16 column, scalar column) at every scalar boundary.
    static let boundaries: [(Int, Int, Int, Int)] = [
        (0, 0, 0, 0),  // a
        (1, 1, 1, 1),  // é
        (3, 3, 2, 2),  // 中
        (6, 6, 3, 3),  // 😀
        (10, 10, 5, 4),  // e
        (11, 11, 6, 5),  // U+0301
        (13, 13, 7, 6),  // x
        (14, 14, 8, 7),  // end of the line's content
    ]

    @Test func positionsOfEveryBoundary() {
        let lines = index(Self.text)
        for (byte, utf8, utf16, scalar) in Self.boundaries {
            let offset = Self.secondLine + byte
            #expect(lines.position(of: offset, in: .utf8) == LineIndex.Position(line: 1, column: utf8))
            #expect(lines.position(of: offset, in: .utf16) == LineIndex.Position(line: 1, column: utf16))
            #expect(lines.position(of: offset, in: .unicodeScalar) == LineIndex.Position(line: 1, column: scalar))
        }
    }

    @Test func offsetsOfEveryBoundary() {
        let lines = index(Self.text)
        for (byte, utf8, utf16, scalar) in Self.boundaries {
            let offset = Self.secondLine + byte
            #expect(lines.offset(of: LineIndex.Position(line: 1, column: utf8), in: .utf8) == offset)
            #expect(lines.offset(of: LineIndex.Position(line: 1, column: utf16), in: .utf16) == offset)
            #expect(lines.offset(of: LineIndex.Position(line: 1, column: scalar), in: .unicodeScalar) == offset)
        }
    }

    @Test func aUTF16ColumnInsideASurrogatePairFallsBackToThePairStart() {
        let lines = index(Self.text)
        #expect(lines.offset(of: LineIndex.Position(line: 1, column: 4), in: .utf16) == Self.secondLine + 6)
    }

    @Test func columnsPastTheLineEndClampToTheContentEnd() {
        let lines = index(Self.text)
        let contentEnd = Self.secondLine + 14
        for unit in [LineIndex.Unit.utf8, .utf16, .unicodeScalar] {
            #expect(lines.offset(of: LineIndex.Position(line: 1, column: 500), in: unit) == contentEnd)
            #expect(lines.offset(of: LineIndex.Position(line: 1, column: -3), in: unit) == Self.secondLine)
            #expect(lines.offset(of: LineIndex.Position(line: 2, column: 500), in: unit) == Self.text.utf8.count)
        }
    }

    @Test func linesOutsideTheTextClamp() {
        let lines = index(Self.text)
        let count = Self.text.utf8.count
        for unit in [LineIndex.Unit.utf8, .utf16, .unicodeScalar] {
            #expect(lines.offset(of: LineIndex.Position(line: 3, column: 0), in: unit) == count)
            #expect(lines.offset(of: LineIndex.Position(line: 40, column: 2), in: unit) == count)
            #expect(lines.offset(of: LineIndex.Position(line: -1, column: 2), in: unit) == 0)
        }
    }

    @Test func offsetsOutsideTheTextClamp() {
        let lines = index(Self.text)
        let last = LineIndex.Position(line: 2, column: 3)
        #expect(lines.position(of: Self.text.utf8.count, in: .utf16) == last)
        #expect(lines.position(of: Self.text.utf8.count + 100, in: .utf16) == last)
        #expect(lines.position(of: -7, in: .unicodeScalar) == LineIndex.Position(line: 0, column: 0))
    }

    @Test func offsetsInsideACRLFTerminatorClampToTheContentEnd() {
        let lines = index("aé\r\nb")
        for unit in [LineIndex.Unit.utf8, .utf16, .unicodeScalar] {
            let end = unit == .utf8 ? 3 : 2
            #expect(lines.position(of: 3, in: unit) == LineIndex.Position(line: 0, column: end))
            #expect(lines.position(of: 4, in: unit) == LineIndex.Position(line: 0, column: end))
            #expect(lines.position(of: 5, in: unit) == LineIndex.Position(line: 1, column: 0))
        }
    }

    @Test func unsanitizedBytesNeverCarryAColumnPastTheLine() {
        // A three-byte lead with only one byte before the newline.
        let lines = LineIndex([0x61, 0xE2, 0x0A, 0x62])
        for unit in [LineIndex.Unit.utf16, .unicodeScalar] {
            #expect(lines.offset(of: LineIndex.Position(line: 0, column: 2), in: unit) == 2)
            #expect(lines.offset(of: LineIndex.Position(line: 0, column: 9), in: unit) == 2)
            #expect(lines.position(of: 4, in: unit) == LineIndex.Position(line: 1, column: 1))
        }
    }

    @Test func theOffsetAfterAFinalNewlineIsOnTheEmptyLastLine() {
        let lines = index("ab\n")
        #expect(lines.position(of: 3, in: .utf8) == LineIndex.Position(line: 1, column: 0))
        #expect(lines.offset(of: LineIndex.Position(line: 1, column: 0), in: .utf16) == 3)
    }
}

@Suite struct RoundTripTests {
    static let text = "Title: Café 😀\r\nLink: x\rDate: e\u{301} 中文\n\n[^é]: 👩‍👩‍👧 done"

    /// Every offset that starts a scalar or ends a line's content.
    static func boundaries(_ text: String, _ lines: LineIndex) -> [Int] {
        var result: [Int] = []
        for line in 0..<lines.lineCount {
            let range = lines.contentRange(ofLine: line)
            var offset = range.start
            let bytes = Array(text.utf8)
            while offset < range.end {
                result.append(offset)
                offset += 1
                while offset < range.end && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            }
            result.append(range.end)
        }
        return result
    }

    @Test(arguments: [LineIndex.Unit.utf8, .utf16, .unicodeScalar])
    func offsetToPositionAndBack(unit: LineIndex.Unit) {
        let lines = index(Self.text)
        let offsets = Self.boundaries(Self.text, lines)
        #expect(offsets.count == Self.text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }.count + lines.lineCount)
        for offset in offsets {
            let position = lines.position(of: offset, in: unit)
            #expect(lines.offset(of: position, in: unit) == offset, "offset \(offset) -> \(position)")
        }
    }

    @Test(arguments: [LineIndex.Unit.utf8, .utf16, .unicodeScalar])
    func positionsAreStrictlyIncreasing(unit: LineIndex.Unit) {
        let lines = index(Self.text)
        let positions = Self.boundaries(Self.text, lines).map { lines.position(of: $0, in: unit) }
        #expect(zip(positions, positions.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func utf16ColumnsAgreeWithSwiftStrings() {
        let lines = index(Self.text)
        for line in 0..<lines.lineCount {
            let range = lines.contentRange(ofLine: line)
            let content = String(decoding: Array(Self.text.utf8)[range.start..<range.end], as: UTF8.self)
            #expect(lines.position(of: range.end, in: .utf16).column == content.utf16.count)
            #expect(lines.position(of: range.end, in: .unicodeScalar).column == content.unicodeScalars.count)
            #expect(lines.position(of: range.end, in: .utf8).column == content.utf8.count)
        }
    }
}

@Suite struct LineIndexBlockTests {
    /// Columns on text that is not all ASCII are counted from 64-byte blocks; these cross
    /// block boundaries inside multi-byte scalars and end exactly on one.
    @Test func columnsRoundTripAcrossBlocks() {
        for text in [
            String(repeating: "é", count: 32), String(repeating: "a😀", count: 40) + "\nb", "x" + String(repeating: "中", count: 70),
        ] {
            let source = SourceText(text)
            var utf16 = 0
            var scalars = 0
            var offset = 0
            for scalar in text.unicodeScalars {
                if scalar == "\n" { break }
                for (unit, column) in [(LineIndex.Unit.utf16, utf16), (.unicodeScalar, scalars)] {
                    #expect(source.lineIndex.position(of: offset, in: unit) == LineIndex.Position(line: 0, column: column))
                    #expect(source.lineIndex.offset(of: LineIndex.Position(line: 0, column: column), in: unit) == offset)
                }
                offset += scalar.utf8.count
                utf16 += scalar.utf16.count
                scalars += 1
            }
            let end = source.lineIndex.contentRange(ofLine: 0).end
            #expect(source.lineIndex.offset(of: LineIndex.Position(line: 0, column: 10_000), in: .utf16) == end)
        }
    }

    /// The block counts, read eight bytes at a time, are those of counting byte by byte, for
    /// every byte value, at every length around a block's end.
    @Test func blockCountsAsByteByByte() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array(0...255) + Array("plain text".utf8)
        for length in Array(0...200) + [1_000, 4_097] {
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            var scalars: [Int] = []
            var units: [Int] = []
            var scalarCount = 0
            var unitCount = 0
            for (index, byte) in bytes.enumerated() {
                if index % 64 == 0 {
                    scalars.append(scalarCount)
                    units.append(unitCount)
                }
                if byte & 0xC0 != 0x80 {
                    scalarCount += 1
                    unitCount += 1
                }
                if byte >= 0xF0 { unitCount += 1 }
            }
            if length % 64 == 0 {
                scalars.append(scalarCount)
                units.append(unitCount)
            }
            let counted = bytes.withUnsafeBufferPointer(LineIndex.countsBeforeBlocks)
            #expect(counted.scalars == scalars, "length \(length)")
            #expect(counted.units == units, "length \(length)")
        }
    }
}
