internal import Yams

/// Reads YAML through Yams' node API only: `Yams.load` and `YAMLDecoder` crash on non-string
/// keys and blow up on alias bombs, and this runs on untrusted note content.
public enum YAMLReader {
    /// Nodes kept at most; the rest of a larger document is ignored.
    public static let nodeBudget = 10_000

    /// Parses `text`, which starts at byte `baseOffset` of `source`, whose line index places the
    /// YAML parser's marks.
    public static func read(_ text: String, baseLine: Int, in source: SourceText) -> (value: YAMLValue?, problem: YAMLProblem?) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return (nil, problem(from: error, baseLine: baseLine, in: source, length: text.utf8.count))
        } catch {
            return (nil, YAMLProblem(message: "\(error)", offset: source.lineIndex.lineStarts[baseLine]))
        }
        guard let node else { return (nil, nil) }
        var budget = nodeBudget
        return (convert(node, baseLine: baseLine, in: source, budget: &budget), nil)
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

    private static func convert(_ node: Node, baseLine: Int, in source: SourceText, budget: inout Int) -> YAMLValue {
        // Iterative conversion would be safer still, but front matter nests shallowly and the
        // budget bounds the work; Yams' own composer is recursive anyway.
        budget -= 1
        let start = offset(of: node.mark, baseLine: baseLine, in: source)
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar.string, ByteRange(start, scalarEnd(from: start, in: source)))
        case .alias:
            return .alias(ByteRange(start, scalarEnd(from: start, in: source)))
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for child in sequence where budget > 0 {
                items.append(convert(child, baseLine: baseLine, in: source, budget: &budget))
            }
            return .sequence(items, ByteRange(start, max(start, items.last?.range.end ?? start)))
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            for (key, value) in mapping where budget > 0 {
                let keyValue = convert(key, baseLine: baseLine, in: source, budget: &budget)
                let valueValue = convert(value, baseLine: baseLine, in: source, budget: &budget)
                pairs.append(YAMLPair(key: keyValue, value: valueValue))
            }
            return .mapping(pairs, ByteRange(start, max(start, pairs.last?.value.range.end ?? start)))
        }
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
            } else if index > start && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")) && flowContext(source, lineStart: content.start, before: start) {
                end = index
                break
            } else if byte == UInt8(ascii: ":") && index > start && (index + 1 == content.end || source.bytes[index + 1] == 0x20 || source.bytes[index + 1] == 0x09) && quote == nil {
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
