internal import Yams

/// Reads YAML through Yams' node API only: `Yams.load` and `YAMLDecoder` crash on non-string
/// keys and blow up on alias bombs, and this runs on untrusted note content.
public enum YAMLReader {
    /// Nodes kept at most; the rest of a larger document is ignored.
    public static let nodeBudget = 10_000

    /// One constructor for every document: `Constructor.default` builds a new one, with its
    /// three tables, on each call. Its tables are constants and composing only keeps a
    /// reference to it, so the threads share it.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// Parses `text`, which starts at byte `baseOffset` of `source`, whose line index places the
    /// YAML parser's marks.
    public static func read(_ text: String, baseLine: Int, in source: SourceText) -> (value: YAMLValue?, problem: YAMLProblem?) {
        if let alias = aliasUsedAsKey(in: text) {
            return (
                nil,
                YAMLProblem(
                    message: "an alias used as a mapping key (`*\(alias.name)`) is not supported",
                    offset: source.lineIndex.lineStarts[baseLine] + alias.offset)
            )
        }
        let node: Node?
        do {
            // Tags are never read, so no resolver regexes run; the encoding is given, so Yams
            // does not read the environment on every call.
            node = try Yams.compose(yaml: text, Resolver.basic, constructor, .utf8)
        } catch let error as YamlError {
            return (nil, problem(from: error, baseLine: baseLine, in: source, length: text.utf8.count))
        } catch {
            return (nil, YAMLProblem(message: "\(error)", offset: source.lineIndex.lineStarts[baseLine]))
        }
        guard let node else { return (nil, nil) }
        let start = source.lineIndex.lineStarts[baseLine]
        var state = Conversion(budget: nodeBudget, cursor: start, limit: min(start + text.utf8.count, source.count))
        return (convert(node, baseLine: baseLine, in: source, state: &state), nil)
    }

    /// Yams hashes mapping keys to find duplicates, which expands an alias key completely: a
    /// key that is an alias bomb never returns. Such keys are refused before composing. Found
    /// on the text: `*name` after a blank, `{`, `[`, `,` or `?`, and followed by `:` or
    /// preceded by `?`.
    static func aliasUsedAsKey(in text: String) -> (name: String, offset: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "*")) else { return nil }
        let openers: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ","), UInt8(ascii: "?")]
        let enders: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":")]
        let inBlockScalar = blockScalarLines(bytes)
        for index in bytes.indices
        where bytes[index] == UInt8(ascii: "*") && (index == 0 || openers.contains(bytes[index - 1])) && !inBlockScalar(index) {
            var end = index + 1
            while end < bytes.count && !enders.contains(bytes[end]) { end += 1 }
            guard end > index + 1 else { continue }
            var after = end
            while after < bytes.count && (bytes[after] == 0x20 || bytes[after] == 0x09) { after += 1 }
            var before = index - 1
            while before >= 0 && (bytes[before] == 0x20 || bytes[before] == 0x09) { before -= 1 }
            let followedByColon = after < bytes.count && bytes[after] == UInt8(ascii: ":")
            let explicitKey = before >= 0 && bytes[before] == UInt8(ascii: "?")
            if followedByColon || explicitKey {
                return (String(decoding: bytes[(index + 1)..<end], as: UTF8.self), index)
            }
        }
        return nil
    }

    /// Which offsets lie in the text of a block scalar (`abstract: |` and the lines indented
    /// under it), where `**Bold:**` is text, not an alias.
    static func blockScalarLines(_ bytes: [UInt8]) -> (Int) -> Bool {
        var ranges: [Range<Int>] = []
        var lineStart = 0
        var scalarIndent: Int? = nil
        var scalarStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var indent = 0
            while lineStart + indent < lineEnd && bytes[lineStart + indent] == 0x20 { indent += 1 }
            let blank = (lineStart + indent..<lineEnd).allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 || bytes[$0] == 0x0D }
            if let parent = scalarIndent, !blank && indent <= parent {
                ranges.append(scalarStart..<lineStart)
                scalarIndent = nil
            }
            if scalarIndent == nil {
                // `key: |`, `key: >-`, `- |2`: the line ends with a block scalar's indicator.
                var end = lineEnd
                while end > lineStart && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D) { end -= 1 }
                var probe = end
                while probe > lineStart
                    && (bytes[probe - 1] == UInt8(ascii: "-") || bytes[probe - 1] == UInt8(ascii: "+")
                        || (bytes[probe - 1] >= 0x31 && bytes[probe - 1] <= 0x39))
                { probe -= 1 }
                if probe > lineStart + 1, bytes[probe - 1] == UInt8(ascii: "|") || bytes[probe - 1] == UInt8(ascii: ">"),
                    bytes[probe - 2] == 0x20
                {
                    scalarIndent = indent
                    scalarStart = lineEnd + 1
                }
            }
            lineStart = lineEnd + 1
        }
        if scalarIndent != nil { ranges.append(scalarStart..<max(scalarStart, bytes.count)) }
        return { offset in ranges.contains { $0.contains(offset) } }
    }

    private static func problem(from error: YamlError, baseLine: Int, in source: SourceText, length: Int) -> YAMLProblem {
        let start = source.lineIndex.lineStarts[baseLine]
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            // The parser's own mark is often where it stopped: the end of the text. Then the
            // context mark, where the broken construct began, says more.
            var offset = offset(of: mark, baseLine: baseLine, in: source)
            if offset >= start + length, let context {
                offset = self.offset(of: context.mark, baseLine: baseLine, in: source)
            }
            return YAMLProblem(message: text, offset: min(offset, start + length))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // The mark is the first occurrence of the first duplicated key.
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let offset = offset(of: context.mark, baseLine: baseLine, in: source)
            return YAMLProblem(message: "duplicated key \(keys)", offset: min(offset, start + length))
        case .reader(let problem, _, _, _):
            return YAMLProblem(message: problem, offset: start)
        default:
            return YAMLProblem(message: "\(error)", offset: start)
        }
    }

    static func offset(of mark: Mark?, baseLine: Int, in source: SourceText) -> Int {
        guard let mark else { return source.lineIndex.lineStarts[baseLine] }
        let position = LineIndex.Position(line: baseLine + mark.line - 1, column: max(mark.column - 1, 0))
        return source.lineIndex.offset(of: position, in: .unicodeScalar)
    }

    /// Conversion state. Yams' composer resolves an alias to the anchored node itself (and
    /// drops the anchor's name), so an alias shows up as a node met again: real nodes come in
    /// document order, marks never decreasing, while an alias brings back an earlier mark. It
    /// is kept as an alias, never expanded (that defuses alias bombs), and its `*name` token is
    /// found in the text from `cursor`, the furthest point conversion has reached.
    private struct Conversion {
        var budget: Int
        var cursor: Int
        let limit: Int
        /// Mark of the last real node converted.
        var lastMark = -1
        /// That node, once nothing more of it is to come (a scalar or a finished empty
        /// collection); nil while it is a collection whose children are being converted.
        var lastClosed: Node? = nil
        var visited = 0
    }

    private static func convert(_ node: Node, baseLine: Int, in source: SourceText, state: inout Conversion) -> YAMLValue {
        // Iterative conversion would be safer still, but front matter nests shallowly and the
        // budget bounds the work; Yams' own composer is recursive anyway.
        state.budget -= 1
        let mark = offset(of: node.mark, baseLine: baseLine, in: source)
        if case .alias = node { return alias(in: source, state: &state) }
        // An empty plain scalar (an implicit null) has no text: the parser marks it where the
        // next token starts, so several can share a mark, and a real node can follow on it.
        if case .scalar(let scalar) = node, scalar.string.isEmpty, scalar.style == .plain {
            if mark < state.lastMark { return alias(in: source, state: &state) }
            state.lastMark = mark
            state.lastClosed = nil
            return .scalar("", ByteRange.empty(at: mark))
        }
        // Two real nodes share a mark only as parent and first child, the parent still open.
        if mark < state.lastMark || (mark == state.lastMark && state.lastClosed == node) {
            return alias(in: source, state: &state)
        }
        state.lastMark = mark
        state.visited += 1
        let start = skippingProperties(from: mark, in: source)
        state.cursor = max(state.cursor, start)
        switch node {
        case .scalar(let scalar):
            state.lastClosed = node
            let range = ByteRange(start, scalarEnd(from: start, in: source))
            state.cursor = max(state.cursor, range.end)
            return .scalar(scalar.string, range)
        case .alias:
            return .alias(ByteRange.empty(at: start))
        case .sequence(let sequence):
            state.lastClosed = nil
            let visited = state.visited
            var items: [YAMLValue] = []
            for child in sequence where state.budget > 0 {
                items.append(convert(child, baseLine: baseLine, in: source, state: &state))
            }
            if state.visited == visited { state.lastClosed = node }
            return .sequence(items, ByteRange(start, max(start, items.last?.range.end ?? start)))
        case .mapping(let mapping):
            state.lastClosed = nil
            let visited = state.visited
            var pairs: [YAMLPair] = []
            for (key, value) in mapping where state.budget > 0 {
                let keyValue = convert(key, baseLine: baseLine, in: source, state: &state)
                let valueValue = convert(value, baseLine: baseLine, in: source, state: &state)
                pairs.append(YAMLPair(key: keyValue, value: valueValue))
            }
            if state.visited == visited { state.lastClosed = node }
            return .mapping(pairs, ByteRange(start, max(start, pairs.last?.value.range.end ?? start)))
        }
    }

    /// The first `*name` token at or after the cursor.
    private static func alias(in source: SourceText, state: inout Conversion) -> YAMLValue {
        let bytes = source.bytes
        var offset = state.cursor
        while offset + 1 < state.limit {
            if bytes[offset] == UInt8(ascii: "*") && isAnchorByte(bytes[offset + 1]) {
                var end = offset + 1
                while end < state.limit && isAnchorByte(bytes[end]) { end += 1 }
                state.cursor = end
                return .alias(ByteRange(offset, end))
            }
            offset += 1
        }
        return .alias(ByteRange.empty(at: state.cursor))
    }

    private static func isAnchorByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// A node's mark is where its properties (`&anchor`, `!tag`) begin; its value follows them.
    private static func skippingProperties(from mark: Int, in source: SourceText) -> Int {
        let content = source.lineContent(source.lineIndex.line(containing: mark))
        let bytes = source.bytes
        var offset = mark
        for _ in 0..<2 {
            guard offset < content.end, bytes[offset] == UInt8(ascii: "&") || bytes[offset] == UInt8(ascii: "!") else { break }
            while offset < content.end && bytes[offset] != 0x20 && bytes[offset] != 0x09 { offset += 1 }
            while offset < content.end && (bytes[offset] == 0x20 || bytes[offset] == 0x09) { offset += 1 }
        }
        return offset
    }

    /// Yams gives a start mark only; a scalar's range runs to the end of its line, trailing
    /// blanks and a comment excluded. Multi-line scalars are marked on their first line.
    private static func scalarEnd(from start: Int, in source: SourceText) -> Int {
        let line = source.lineIndex.line(containing: start)
        let content = source.lineContent(line)
        var end = content.end
        var index = start
        var quote: UInt8? = nil
        while index < content.end {
            let byte = source.bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if index == start && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) {
                quote = byte
            } else if byte == UInt8(ascii: "#") && index > start && (source.bytes[index - 1] == 0x20 || source.bytes[index - 1] == 0x09) {
                end = index
                break
            } else if index > start && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}"))
                && flowContext(source, lineStart: content.start, before: start)
            {
                end = index
                break
            } else if byte == UInt8(ascii: ":") && index > start
                && (index + 1 == content.end || source.bytes[index + 1] == 0x20 || source.bytes[index + 1] == 0x09) && quote == nil
            {
                end = index
                break
            }
            index += 1
        }
        while end > start && (source.bytes[end - 1] == 0x20 || source.bytes[end - 1] == 0x09) { end -= 1 }
        return max(end, start)
    }

    private static func flowContext(_ source: SourceText, lineStart: Int, before offset: Int) -> Bool {
        source.bytes[lineStart..<offset].contains { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }
    }
}
