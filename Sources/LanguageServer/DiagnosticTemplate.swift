import JSONRPC
import Synchronization

/// A diagnostic's JSON text with its line numbers and its document version left open. A
/// finding that an edit only moved (lines inserted above it) or that the next version still
/// has is written from its template by copying bytes, never built and serialised again.
struct DiagnosticTemplate: Sendable {
    private enum Hole: Sendable {
        /// A line, counted from the diagnostic's first line.
        case line(Int)
        case version
    }

    private var bytes: [UInt8] = []
    private var holes: [(offset: Int, hole: Hole)] = []

    /// `relative` is a diagnostic whose lines are counted from its first line. Every `line`
    /// key of the protocol's positions and the `version` of its data become holes.
    init(relative: LSP.Diagnostic) {
        append(relative.json, key: nil)
    }

    private mutating func append(_ json: JSON, key: String?) {
        switch json {
        case .int(let value) where key == "line":
            holes.append((bytes.count, .line(value)))
        case .int where key == "version":
            holes.append((bytes.count, .version))
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

    /// Writes the diagnostic as starting on `firstLine`, for document `version`.
    func write(into out: inout [UInt8], firstLine: Int, version: Int) {
        var copied = 0
        for (offset, hole) in holes {
            out.append(contentsOf: bytes[copied..<offset])
            switch hole {
            case .line(let relative): JSON.appendInteger(firstLine + relative, to: &out)
            case .version: JSON.appendInteger(version, to: &out)
            }
            copied = offset
        }
        out.append(contentsOf: bytes[copied...])
    }
}

/// Writes one document's published diagnostics, keeping the templates of the last publish:
/// typing in one record re-renders that record's findings only, and a line break inserted
/// above the rest moves them without re-rendering.
final class DiagnosticRenderer: Sendable {
    /// The last publish's diagnostics, lines counted from each one's first, in order, with
    /// their templates.
    private let last = Mutex<(published: [(relative: LSP.Diagnostic, template: DiagnosticTemplate)], size: Int)>(([], 0))

    /// How far past the last publish's next diagnostic a diagnostic is looked for: an edit
    /// adds or removes the findings of a record or two, and the rest follow in the same order.
    static let lookahead = 32

    /// The diagnostics as one JSON array, with `version` in each one's data.
    func json(_ diagnostics: [LSP.Diagnostic], version: Int) -> JSON {
        last.withLock { state in
            let previous = state.published
            var published: [(relative: LSP.Diagnostic, template: DiagnosticTemplate)] = []
            published.reserveCapacity(diagnostics.count)
            var out: [UInt8] = []
            // About the size of the last publish: growing a megabyte array by doubling costs more than writing it.
            out.reserveCapacity(state.size + state.size / 8 + 64)
            out.append(UInt8(ascii: "["))
            var next = 0
            for index in diagnostics.indices {
                let firstLine = diagnostics[index].range.start.line
                let relative = diagnostics[index].movingLines(by: -firstLine)
                // Compared, not hashed: a finding the linter kept holds the same strings, which
                // compare by identity.
                var template: DiagnosticTemplate?
                for candidate in next..<min(next + Self.lookahead, previous.count) where previous[candidate].relative == relative {
                    template = previous[candidate].template
                    next = candidate + 1
                    break
                }
                let written = template ?? DiagnosticTemplate(relative: relative)
                published.append((relative, written))
                if index > 0 { out.append(UInt8(ascii: ",")) }
                written.write(into: &out, firstLine: firstLine, version: version)
            }
            out.append(UInt8(ascii: "]"))
            state = (published, out.count)
            return .fragment(String(decoding: out, as: UTF8.self))
        }
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
