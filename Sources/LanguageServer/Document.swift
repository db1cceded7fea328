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
    let parsed = ParsedNoteCache()

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.path = DocumentURI.path(uri)
        self.version = version
        self.file = NoteFile.removingBOM(Array(text.utf8))
        self.source = SourceText(bytes: file.bytes)
    }

    private init(uri: String, path: String?, version: Int, file: NoteFile) {
        self.uri = uri
        self.path = path
        self.version = version
        self.file = file
        self.source = SourceText(bytes: file.bytes)
    }

    /// Applies `contentChanges` in order: a change with a range replaces that range (in the
    /// negotiated encoding, clamped to the text), one without replaces the whole text.
    func applying(_ changes: [LSP.TextDocumentContentChangeEvent], version: Int, codec: PositionCodec) -> Document {
        var bytes = file.bytes
        var hasBOM = file.hasBOM
        var source = self.source
        for change in changes {
            let text = change.text
            if let range = change.range.map({ codec.byteRange($0, in: source) }) {
                bytes.replaceSubrange(range.start..<range.end, with: Array(text.utf8))
            } else {
                let whole = NoteFile.removingBOM(Array(text.utf8))
                bytes = whole.bytes
                hasBOM = whole.hasBOM
            }
            source = SourceText(bytes: bytes)
        }
        return Document(uri: uri, path: path, version: version, file: NoteFile(bytes: bytes, hasBOM: hasBOM))
    }

    /// The note as `linter` parses it, parsed once per version.
    func note(_ linter: Linter) -> Note { parsed.note(of: source, linter: linter) }

    /// What each entry says, read once per version.
    func entryFacts(_ linter: Linter) -> [EntryFacts] { parsed.entryFacts(of: source, linter: linter) }
}
