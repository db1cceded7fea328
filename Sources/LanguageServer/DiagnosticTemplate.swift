import JSONRPC
import NoteLint
import NoteSyntax
import Synchronization

/// A diagnostic's JSON text with its line numbers and its document version left open. A
/// finding that an edit only moved (lines inserted above it) or that the next version still
/// has is written from its template by copying bytes, never built and serialised again.
///
/// One allocation: a note's thousands of templates are kept from publish to publish. The
/// bytes are the number of holes (4 bytes), each hole as its offset in the text and what fills
/// it (4 bytes each: a line counted from the diagnostic's first line, or `versionHole`), then
/// the text.
struct DiagnosticTemplate: Sendable {
    private let storage: [UInt8]
    private static let versionHole = Int32.min

    /// `relative` is a diagnostic whose lines are counted from its first line. Every `line`
    /// key of the protocol's positions and the `version` of its data become holes.
    init(relative: LSP.Diagnostic) {
        var text = Builder()
        text.append(relative.json, key: nil)
        var storage: [UInt8] = []
        storage.reserveCapacity(4 + 8 * text.holes.count + text.bytes.count)
        func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { storage.append(contentsOf: $0) } }
        append(UInt32(text.holes.count))
        for (offset, filling) in text.holes {
            append(UInt32(offset))
            append(UInt32(bitPattern: filling))
        }
        storage.append(contentsOf: text.bytes)
        self.storage = storage
    }

    private struct Builder {
        var bytes: [UInt8] = []
        /// Offset in `bytes`, and the relative line or `versionHole`.
        var holes: [(offset: Int, filling: Int32)] = []

        mutating func append(_ json: JSON, key: String?) {
            switch json {
            case .int(let value) where key == "line":
                holes.append((bytes.count, Int32(clamping: value)))
            case .int where key == "version":
                holes.append((bytes.count, DiagnosticTemplate.versionHole))
            case .array(let items):
                bytes.append(UInt8(ascii: "["))
                for index in items.indices {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    append(items[index], key: nil)
                }
                bytes.append(UInt8(ascii: "]"))
            case .object(let pairs):
                bytes.append(UInt8(ascii: "{"))
                for index in pairs.indices {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    JSON.quote(pairs[index].0, into: &bytes)
                    bytes.append(UInt8(ascii: ":"))
                    append(pairs[index].1, key: pairs[index].0)
                }
                bytes.append(UInt8(ascii: "}"))
            default:
                json.write(into: &bytes, indent: nil)
            }
        }
    }

    /// The most bytes `write(to:firstLine:version:)` writes.
    var byteCountBound: Int {
        storage.withUnsafeBytes { storage in
            let holes = Int(UInt32(littleEndian: storage.loadUnaligned(as: UInt32.self)))
            return storage.count - 4 - 8 * holes + holes * JSON.maximumIntegerLength
        }
    }

    /// Writes the diagnostic as starting on `firstLine`, for the document version whose
    /// digits are `version`, at `target`, which has room for `byteCountBound` bytes; returns
    /// where the next byte goes.
    func write(
        to target: UnsafeMutablePointer<UInt8>, firstLine: Int, version: UnsafeBufferPointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        storage.withUnsafeBytes { storage in
            func word(at offset: Int) -> UInt32 { UInt32(littleEndian: storage.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
            let holes = Int(word(at: 0))
            let textStart = 4 + 8 * holes
            let text = storage.baseAddress!.assumingMemoryBound(to: UInt8.self) + textStart
            let textCount = storage.count - textStart
            var target = target
            var copied = 0
            for hole in 0..<holes {
                let offset = Int(word(at: 4 + 8 * hole))
                let filling = Int32(bitPattern: word(at: 8 + 8 * hole))
                target.update(from: text + copied, count: offset - copied)
                target += offset - copied
                if filling == Self.versionHole {
                    target.update(from: version.baseAddress!, count: version.count)
                    target += version.count
                } else {
                    target += JSON.writeInteger(firstLine + Int(filling), to: target)
                }
                copied = offset
            }
            target.update(from: text + copied, count: textCount - copied)
            return target + (textCount - copied)
        }
    }
}

/// Writes one document's published diagnostics, keeping the last publish's findings with their
/// templates: a finding the edit left before it, or only moved on the lines after it, is written
/// from its template, neither converted nor serialised again; only the findings on the changed
/// lines are.
final class DiagnosticRenderer: Sendable {
    /// The last publish: the findings it sent, each one's first line and template, and what
    /// the templates were written with besides the findings.
    private struct LastPublish {
        let source: SourceText
        let lineEnding: LineEnding
        let docsURL: String?
        let findings: [Diagnostic]
        let firstLines: [Int]
        let templates: [DiagnosticTemplate]
    }

    private let last = Mutex<LastPublish?>(nil)

    /// The findings on `note` as one JSON array of diagnostics, with `version` in each one's data.
    func json(_ findings: [Diagnostic], note: Note, document: Document, converter: DiagnosticConverter) -> JSON {
        last.withLock { last in
            guard !findings.isEmpty else {
                last = nil
                return .array([])
            }
            let unchanged = last.map { UnchangedText(old: $0.source, new: note.source) }
            // Counting line breaks costs more than the rest of a publish that keeps its findings.
            let lineEnding =
                if let last, unchanged?.keepsLineBreaks == true { last.lineEnding } else { LineEnding.detect(in: note.source.bytes) }
            let reusable = last?.lineEnding == lineEnding && last?.docsURL == converter.docsURL
            let sent =
                findings.count > DiagnosticConverter.maximumPerDocument ? Array(converter.sent(findings, document: document)) : findings
            var firstLines: [Int] = []
            var templates: [DiagnosticTemplate] = []
            firstLines.reserveCapacity(sent.count)
            templates.reserveCapacity(sent.count)
            var cursor = 0
            // The brackets and commas of the array.
            var bound = 2 + sent.count
            // Bound once: binding `last` in the loop would copy it for every finding.
            let previous = reusable ? last?.findings ?? [] : []
            let (previousFirstLines, previousTemplates) = (last?.firstLines ?? [], last?.templates ?? [])
            // Through the buffers: an array's subscript copies the finding it hands to a call.
            sent.withUnsafeBufferPointer { sent in
                previous.withUnsafeBufferPointer { previous in
                    for index in sent.indices {
                        var firstLine = 0
                        var template: DiagnosticTemplate?
                        if let unchanged, let shift = unchanged.shift(of: sent.baseAddress! + index),
                            let kept = Self.find(sent.baseAddress! + index, movedBy: shift.bytes, in: previous, from: &cursor)
                        {
                            (firstLine, template) = (previousFirstLines[kept] + shift.lines, previousTemplates[kept])
                        }
                        if template == nil {
                            let diagnostic = converter.convert(sent[index], note: note, document: document, lineEnding: lineEnding)
                            firstLine = diagnostic.range.start.line
                            template = DiagnosticTemplate(relative: diagnostic.movingLines(by: -firstLine))
                        }
                        bound += template!.byteCountBound
                        firstLines.append(firstLine)
                        templates.append(template!)
                    }
                }
            }
            let out = Self.write(templates, firstLines: firstLines, version: document.version, bound: bound)
            last = LastPublish(
                source: note.source, lineEnding: lineEnding, docsURL: converter.docsURL, findings: sent, firstLines: firstLines,
                templates: templates)
            return .fragment(out)
        }
    }

    /// The diagnostics as one JSON array, in a buffer of `bound` bytes allocated once and written
    /// through a pointer: appending to an array checks its capacity at every byte.
    private static func write(_ templates: [DiagnosticTemplate], firstLines: [Int], version: Int, bound: Int) -> [UInt8] {
        var versionDigits: [UInt8] = []
        JSON.appendInteger(version, to: &versionDigits)
        return versionDigits.withUnsafeBufferPointer { version in
            [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
                var target = buffer.baseAddress!
                target.pointee = UInt8(ascii: "[")
                target += 1
                for index in templates.indices {
                    if index > 0 {
                        target.pointee = UInt8(ascii: ",")
                        target += 1
                    }
                    target = templates[index].write(to: target, firstLine: firstLines[index], version: version)
                }
                target.pointee = UInt8(ascii: "]")
                initialized = target - buffer.baseAddress! + 1
            }
        }
    }

    /// The index of the last publish's finding that `finding` is, moved by `bytes`. The
    /// findings of both publishes are in text order and the kept ones keep it, so `cursor`
    /// only goes forward.
    @inline(__always)
    private static func find(
        _ finding: UnsafePointer<Diagnostic>, movedBy bytes: Int, in published: UnsafeBufferPointer<Diagnostic>, from cursor: inout Int
    ) -> Int? {
        let start = finding.pointee.range.start - bytes
        while cursor < published.count, published[cursor].range.start < start { cursor += 1 }
        var candidate = cursor
        while candidate < published.count, published[candidate].range.start == start {
            if Diagnostic.isMoved(finding, from: published.baseAddress! + candidate, by: bytes) { return candidate }
            candidate += 1
        }
        return nil
    }
}

extension LSP.Position {
    func movingLines(by lines: Int) -> Self { Self(line: line + lines, character: character) }
}

extension LSP.Range {
    func movingLines(by lines: Int) -> Self { Self(start: start.movingLines(by: lines), end: end.movingLines(by: lines)) }
}

extension LSP.TextEdit {
    func movingLines(by lines: Int) -> Self { Self(range: range.movingLines(by: lines), newText: newText) }
}

extension LSP.Diagnostic {
    /// The same diagnostic with every line moved, and data for version 0: what its template
    /// is keyed by.
    func movingLines(by lines: Int) -> Self {
        let movedFix = data.fix.map { fix in
            DiagnosticData.Fix(title: fix.title, applicability: fix.applicability, edits: fix.edits.map { $0.movingLines(by: lines) })
        }
        return Self(
            range: range.movingLines(by: lines), severity: severity, code: code, href: href, message: message,
            unnecessary: unnecessary,
            related: related.map { item in
                LSP.DiagnosticRelatedInformation(
                    location: LSP.Location(uri: item.location.uri, range: item.location.range.movingLines(by: lines)),
                    message: item.message)
            },
            data: DiagnosticData(
                rule: data.rule, version: 0, fix: movedFix))
    }
}
