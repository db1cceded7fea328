import Foundation
import NoteLint
import NoteSyntax

/// An open document: its text as the editor has it, at a version.
struct Document: Sendable {
    let uri: String
    /// The file path when the URI is a `file:` URI (configuration is looked up from it).
    let path: String?
    let version: Int
    let file: NoteFile
    let source: SourceText
    /// This version's parse, shared by every copy of the snapshot.
    let parsed: ParsedNoteCache

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.path = DocumentURI.path(uri)
        self.version = version
        self.file = NoteFile.removingBOM(Array(text.utf8))
        self.source = SourceText(bytes: file.bytes)
        self.parsed = ParsedNoteCache()
    }

    private init(uri: String, path: String?, version: Int, file: NoteFile, source: SourceText, parsed: ParsedNoteCache) {
        self.uri = uri
        self.path = path
        self.version = version
        self.file = file
        self.source = source
        self.parsed = parsed
    }

    /// Applies `contentChanges` in order: a change with a range replaces that range (in the
    /// negotiated encoding, clamped to the text), one without replaces the whole text. After
    /// one ranged change, the new version's parse starts from this one's, when it has one.
    func applying(_ changes: [LSP.TextDocumentContentChangeEvent], version: Int, codec: PositionCodec) -> Document {
        var bytes = file.bytes
        var hasBOM = file.hasBOM
        var source = self.source
        var edit: TextReplacement? = nil
        for (index, change) in changes.enumerated() {
            let inserted = Array(change.text.utf8)
            if let range = change.range.map({ codec.byteRange($0, in: source) }) {
                bytes = Self.replacing(range, of: bytes, with: inserted)
                edit = changes.count == 1 ? TextReplacement(range: range, insertedCount: inserted.count) : nil
            } else {
                let whole = NoteFile.removingBOM(inserted)
                bytes = whole.bytes
                hasBOM = whole.hasBOM
            }
            // Later changes are positioned in the text the earlier ones made.
            if index + 1 < changes.count { source = SourceText(bytes: bytes) }
        }
        let newSource = edit.map { SourceText(bytes: bytes, revising: source, by: $0) } ?? SourceText(bytes: bytes)
        let base = edit.flatMap { edit in
            parsed.parsedNote().map { ParsedNoteCache.Base(note: $0.note, fields: $0.fields, lint: parsed.lintMemory(), edit: edit) }
        }
        return Document(
            uri: uri, path: path, version: version, file: NoteFile(bytes: bytes, hasBOM: hasBOM), source: newSource,
            parsed: ParsedNoteCache(base: base))
    }

    /// `bytes` with `range` replaced, copied once and by `memcpy`: `replaceSubrange` on the text
    /// the last version shares copies it, then grows the copy, and `append(contentsOf:)` copied
    /// a byte at a time.
    private static func replacing(_ range: ByteRange, of bytes: [UInt8], with inserted: [UInt8]) -> [UInt8] {
        let count = bytes.count - range.length + inserted.count
        guard count > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: count) { target, initialized in
            bytes.withUnsafeBytes { old in
                inserted.withUnsafeBytes { new in
                    let target = UnsafeMutableRawBufferPointer(target)
                    func copy(_ from: UnsafeRawBufferPointer, _ part: Range<Int>, to offset: Int) {
                        guard !part.isEmpty else { return }
                        (target.baseAddress! + offset).copyMemory(from: from.baseAddress! + part.lowerBound, byteCount: part.count)
                    }
                    copy(old, 0..<range.start, to: 0)
                    copy(new, 0..<new.count, to: range.start)
                    copy(old, range.end..<old.count, to: range.start + new.count)
                }
            }
            initialized = count
        }
    }

    /// The note as `linter` parses it, parsed once per version.
    func note(_ linter: Linter) -> Note { parsed.note(of: source, linter: linter) }

    /// What each entry says, read once per version.
    func entryFacts(_ linter: Linter) -> [EntryFacts] { parsed.entryFacts(of: source, linter: linter) }
}
