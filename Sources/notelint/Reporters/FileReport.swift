import Foundation
import JSONRPC
import NoteLint
import NoteSyntax

/// What was found in one file, with what the reporters need to place it.
struct FileReport {
    let path: String
    let source: SourceText
    let diagnostics: [Diagnostic]
}

/// One file's findings, already rendered in the output format: workers render as they go,
/// so a run holds the report text, not every file's source.
struct RenderedFile {
    let path: String
    /// One rendering per reporter of the run, in the order of `Reporters.all`.
    private(set) var texts: [ReportPiece]
    let counts: [Severity: Int]
    /// Findings per rule, for `--statistics` and JUnit: counted when the file is linted, read
    /// from the cache's bytes only when asked (a warm run in another format never asks).
    var rules: [String: Int] {
        switch ruleCounts {
        case .counted(let rules): return rules
        case .cached(let field):
            var counts: [String: Int] = [:]
            _ = Self.pairs(field) { name, count in
                counts[String(decoding: name, as: UTF8.self)] = count
                return true
            }
            return counts
        }
    }
    private let ruleCounts: RuleCounts
    let worst: Severity?
    /// Records `notelint fill` could complete (`Linter.fillableRecordCount`).
    let fillable: Int

    private enum RuleCounts {
        case counted([String: Int])
        /// The cached `name=count` field, checked when it was read.
        case cached(ArraySlice<UInt8>)
    }

    init(_ report: FileReport, reporters: Reporters, fillable: Int = 0) {
        self.fillable = fillable
        path = report.path
        texts = reporters.all.map { $0.render(report) }
        counts = report.diagnostics.reduce(into: [:]) { $0[$1.severity, default: 0] += 1 }
        ruleCounts = .counted(report.diagnostics.reduce(into: [:]) { $0[$1.ruleID, default: 0] += 1 })
        worst = report.diagnostics.map(\.severity).max()
    }

    /// Empties the texts of the reporters `dropped` says: written already. In place: a copy
    /// of the file's counts makes the runtime instantiate their type's metadata, a third of a
    /// million instructions on a one-note run.
    mutating func dropTexts(where dropped: [Bool]) {
        for index in texts.indices where dropped[index] { texts[index] = .empty }
    }

    /// The form kept in the result cache: the texts, the counts per severity and per rule
    /// (`name=count` pairs, space-separated), the worst severity and the fillable records,
    /// each a length-prefixed field: read back without a parser, as a warm run reads every file's.
    var encoded: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(texts.reduce(path.utf8.count + 128) { $0 + $1.bytes.count + 8 })
        ResultCache.appendField(path, to: &out)
        // Small fields are written into `field`, then appended with their length: formatting
        // them as Strings was most of the cost of caching a file's report.
        var field: [UInt8] = []
        field.reserveCapacity(64)
        func appendField(_ write: (inout [UInt8]) -> Void) {
            field.removeAll(keepingCapacity: true)
            write(&field)
            ResultCache.appendField(field[...], to: &out)
        }
        func appendPair(_ name: String, _ count: Int, to field: inout [UInt8]) {
            if !field.isEmpty { field.append(UInt8(ascii: " ")) }
            field += name.utf8
            field.append(UInt8(ascii: "="))
            NumberText.appendDecimal(count, to: &field)
        }
        appendField { NumberText.appendDecimal(texts.count, to: &$0) }
        for text in texts { ResultCache.appendField(text.bytes, to: &out) }
        appendField { field in
            for (severity, count) in counts { appendPair(severity.rawValue, count, to: &field) }
        }
        appendField { field in
            for (rule, count) in rules { appendPair(rule, count, to: &field) }
        }
        appendField { $0 += (worst?.rawValue ?? "").utf8 }
        appendField { NumberText.appendDecimal(fillable, to: &$0) }
        return out
    }

    /// Calls `each` with the name and count of every `name=count` pair of `field` (pairs
    /// separated by spaces), read from the bytes; false when the field is not that or `each`
    /// refuses a pair.
    private static func pairs(_ field: ArraySlice<UInt8>, _ each: (ArraySlice<UInt8>, Int) -> Bool) -> Bool {
        var start = field.startIndex
        while start < field.endIndex {
            let end = field[start...].firstIndex(of: UInt8(ascii: " ")) ?? field.endIndex
            defer { start = end + 1 }
            guard start < end else { continue }
            guard let equals = field[start..<end].lastIndex(of: UInt8(ascii: "=")), equals > start,
                let count = ResultCache.decimal(field[(equals + 1)..<end]), each(field[start..<equals], count)
            else { return false }
        }
        return true
    }

    /// Reads the cached form back; nil when it is not one.
    init?(encoded payload: ArraySlice<UInt8>) {
        let bytes = payload
        var offset = payload.startIndex
        guard let path = ResultCache.readField(bytes, &offset), let countField = ResultCache.readField(bytes, &offset),
            let count = ResultCache.decimal(countField), count < 16
        else { return nil }
        var texts: [ReportPiece] = []
        texts.reserveCapacity(count)
        for _ in 0..<count {
            guard let field = ResultCache.readField(bytes, &offset), let text = ReportPiece(validating: field) else { return nil }
            texts.append(text)
        }
        var severities = [Severity: Int](minimumCapacity: Severity.allCases.count)
        guard let countsField = ResultCache.readField(bytes, &offset),
            Self.pairs(
                countsField,
                { name, count in
                    // By the name's bytes: making a String of each to look it up was most of a warm run's decoding.
                    guard let severity = Severity.allCases.first(where: { $0.rawValue.utf8.elementsEqual(name) }) else { return false }
                    severities[severity] = count
                    return true
                }),
            let rulesField = ResultCache.readField(bytes, &offset),
            Self.pairs(rulesField, { _, _ in true }),
            let worstField = ResultCache.readField(bytes, &offset), let fillableField = ResultCache.readField(bytes, &offset),
            offset == bytes.endIndex, let fillable = ResultCache.decimal(fillableField)
        else { return nil }
        self.fillable = fillable
        self.path = String(decoding: path, as: UTF8.self)
        self.texts = texts
        self.counts = severities
        ruleCounts = .cached(rulesField)
        if worstField.isEmpty {
            self.worst = nil
        } else {
            guard let severity = Severity(rawValue: String(decoding: worstField, as: UTF8.self)) else { return nil }
            self.worst = severity
        }
    }
}

/// The reporters of a run: the terminal's, and the `--output-file`'s when there is one.
struct Reporters: Sendable {
    let all: [any Reporter]

    /// What the renderings depend on: each reporter's kind and settings.
    var fingerprint: String { all.map(\.settings).joined(separator: "|") }
}

/// Renders one file's findings; the pieces are written in file order, as the files are
/// checked (`begin`, `write`, `end`), so that a run holds no more than the files that finished
/// before an earlier one, not the whole report.
protocol Reporter: Sendable {
    /// The reporter's kind and every setting its renderings depend on (part of the result
    /// cache's key). Spelled out rather than reflected: reflection costs a run millions of
    /// instructions at start-up.
    var settings: String { get }
    func render(_ file: FileReport) -> ReportPiece
    /// False for a format whose opening counts the whole run (JUnit): it writes in `finish`.
    var streams: Bool { get }
    /// What comes before the first file's piece.
    func begin(to output: Output)
    /// One file's piece, not empty; `first` when no piece came before it.
    func write(piece: ReportPiece, first: Bool, to output: Output)
    /// What comes after the last piece: `files` are every file's counts, `wroteAny` whether a
    /// piece was written, `failures` what kept the run from checking everything (standard
    /// error has them too; formats read by machines carry them in their own way).
    func end(_ files: [RenderedFile], wroteAny: Bool, failures: [String], to output: Output)
    /// The whole report at once: `pieces` are this reporter's renderings, in file order.
    func finish(_ files: [RenderedFile], pieces: [ReportPiece], failures: [String], to output: Output)
}

extension Reporter {
    var streams: Bool { true }
    func begin(to output: Output) {}
    func write(piece: ReportPiece, first: Bool, to output: Output) { output.write(piece) }
    func end(_ files: [RenderedFile], wroteAny: Bool, failures: [String], to output: Output) {}

    func finish(_ files: [RenderedFile], pieces: [ReportPiece], failures: [String], to output: Output) {
        begin(to: output)
        var wroteAny = false
        for piece in pieces where !piece.isEmpty {
            write(piece: piece, first: !wroteAny, to: output)
            wroteAny = true
        }
        end(files, wroteAny: wroteAny, failures: failures, to: output)
    }
}

extension Reporter {
    /// A file's findings as the items of a JSON array nested `level` levels deep (two spaces
    /// a level), separated by commas: the JSON and SARIF reports join files' pieces with one.
    /// `item` writes each finding, starting at that level.
    func jsonItems(_ file: FileReport, level: Int, _ item: (Diagnostic, inout IndentedJSONWriter) -> Void) -> ReportPiece {
        var writer = IndentedJSONWriter(baseIndent: level)
        for index in file.diagnostics.indices {
            if index > 0 { writer.appendRaw(",\n") }
            writer.appendIndentation()
            item(file.diagnostics[index], &writer)
        }
        return ReportPiece(bytes: writer.bytes[...])
    }
}

/// Positions as every output format prints them: lines and columns 1-based, columns counted in
/// Unicode scalars, ends exclusive.
struct PrintedRange {
    let startLine: Int
    let startColumn: Int
    let endLine: Int
    let endColumn: Int

    init(_ range: ByteRange, in source: SourceText) {
        let start = source.lineIndex.position(of: range.start, in: .unicodeScalar)
        let end = source.lineIndex.position(of: range.end, in: .unicodeScalar)
        startLine = start.line + 1
        startColumn = start.column + 1
        endLine = end.line + 1
        endColumn = end.column + 1
    }
}
