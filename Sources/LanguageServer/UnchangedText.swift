import NoteLint
import NoteSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where two versions of a text agree, found by comparing them from both ends: every position
/// before `changeStart` has the same line and column in both, and every position from
/// `movedFrom` (a line start of the new text) on is the old text's position `bytes` earlier,
/// `lines` lines further down, at the same column.
struct UnchangedText {
    let changeStart: Int
    /// `Int.max` when the change reaches the new text's last line.
    let movedFrom: Int
    let bytes: Int
    let lines: Int
    /// Whether no line break was changed, made or joined: then both texts have the same line
    /// breaks, of the same kinds, in the same order.
    let keepsLineBreaks: Bool

    init(old: SourceText, new: SourceText) {
        let (before, after) = Self.commonEnds(old.bytes, new.bytes)
        changeStart = before
        bytes = new.bytes.count - old.bytes.count
        // The first line starting after the change's last byte: its line break and all that
        // follows is unchanged, so it starts a line in the old text too (a break split by the
        // change, `\r` changed before an unchanged `\n`, still ends a line there).
        let changeEnd = new.bytes.count - after
        // A `\r` before the change and a `\n` after it are one line break, or two, on each side.
        let joinsOrParts = before > 0 && old.bytes[before - 1] == 0x0D && after > 0 && new.bytes[changeEnd] == 0x0A
        keepsLineBreaks =
            !joinsOrParts && !Self.holdsLineBreak(old.bytes, before..<old.bytes.count - after)
            && !Self.holdsLineBreak(new.bytes, before..<changeEnd)
        let starts = new.lineIndex.lineStarts
        let changedLine = new.lineIndex.line(containing: changeEnd)
        let oldLine = changedLine + 1 < starts.count ? old.lineIndex.line(containing: starts[changedLine + 1] - bytes) : nil
        if let oldLine, old.lineIndex.lineStarts[oldLine] == starts[changedLine + 1] - bytes {
            movedFrom = starts[changedLine + 1]
            lines = changedLine + 1 - oldLine
        } else {
            (movedFrom, lines) = (.max, 0)
        }
    }

    /// How far the edit moved `finding`, a finding of the new text (through a pointer, as
    /// `Diagnostic.isMoved(from:by:)` takes it): nothing when all its
    /// positions lie before the change, `bytes` and `lines` when all lie on the lines after it,
    /// nil when one touches the changed lines.
    // Inlined: a finding handed to a call from a buffer is copied first, strings and all.
    @inline(__always)
    func shift(of finding: UnsafePointer<Diagnostic>) -> (bytes: Int, lines: Int)? {
        var lowest = finding.pointee.range.start
        var highest = finding.pointee.range.end
        for location in finding.pointee.related {
            lowest = min(lowest, location.range.start)
            highest = max(highest, location.range.end)
        }
        if let edits = finding.pointee.fix?.edits {
            for edit in edits {
                lowest = min(lowest, edit.range.start)
                highest = max(highest, edit.range.end)
            }
        }
        // Strictly before: a position just after a `\r` the change turned into a bare line break
        // starts a line in the new text and not in the old.
        if highest < changeStart { return (0, 0) }
        if lowest >= movedFrom { return (bytes, lines) }
        return nil
    }

    private static func holdsLineBreak(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[range].contains { $0 == 0x0A || $0 == 0x0D }
    }

    /// The lengths of the longest common prefix and of the longest common suffix that does not
    /// overlap it.
    static func commonEnds(_ old: [UInt8], _ new: [UInt8]) -> (prefix: Int, suffix: Int) {
        old.withUnsafeBufferPointer { old in
            new.withUnsafeBufferPointer { new in
                let shorter = min(old.count, new.count)
                let prefix = matching(shorter) { offset, length in
                    memcmp(old.baseAddress! + offset, new.baseAddress! + offset, length) == 0
                }
                let suffix = matching(shorter - prefix) { offset, length in
                    memcmp(old.baseAddress! + old.count - offset - length, new.baseAddress! + new.count - offset - length, length) == 0
                }
                return (prefix, suffix)
            }
        }
    }

    /// How many of `count` bytes agree from the start, given `agree(offset, length)` for a
    /// run: runs of 256 bytes by memcmp, then byte by byte.
    private static func matching(_ count: Int, _ agree: (Int, Int) -> Bool) -> Int {
        let run = 256
        var offset = 0
        while offset + run <= count, agree(offset, run) { offset += run }
        while offset < count, agree(offset, 1) { offset += 1 }
        return offset
    }
}

extension Diagnostic {
    /// Whether `new` is `old`, moved `bytes` further into the text: the same rule, severity,
    /// message, tags, fix and related places, each range moved by `bytes`. Read through the
    /// pointers field by field (a finding handed over by value is copied first, strings and
    /// all); a kept finding holds the same strings, which compare by identity.
    @inline(__always)
    static func isMoved(_ new: UnsafePointer<Diagnostic>, from old: UnsafePointer<Diagnostic>, by bytes: Int) -> Bool {
        func moved(_ range: ByteRange, from before: ByteRange) -> Bool {
            range.start == before.start + bytes && range.end == before.end + bytes
        }
        guard moved(new.pointee.range, from: old.pointee.range), new.pointee.severity == old.pointee.severity,
            new.pointee.ruleID == old.pointee.ruleID, new.pointee.message == old.pointee.message, new.pointee.tags == old.pointee.tags
        else { return false }
        let (related, before) = (new.pointee.related, old.pointee.related)
        guard related.count == before.count,
            related.indices.allSatisfy({ moved(related[$0].range, from: before[$0].range) && related[$0].message == before[$0].message })
        else { return false }
        switch (new.pointee.fix, old.pointee.fix) {
        case (nil, nil): return true
        case (let fix?, let earlier?):
            return fix.title == earlier.title && fix.applicability == earlier.applicability && fix.edits.count == earlier.edits.count
                && fix.edits.indices.allSatisfy {
                    moved(fix.edits[$0].range, from: earlier.edits[$0].range) && fix.edits[$0].newText == earlier.edits[$0].newText
                }
        default: return false
        }
    }
}
