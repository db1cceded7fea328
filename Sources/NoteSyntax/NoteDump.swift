extension Note {
    /// A stable text rendering of what the parser found, one item a line, with 1-based lines;
    /// golden tests compare it, and `notelint debug-syntax` prints it.
    public func dump() -> String {
        var out: [String] = []
        if let frontMatter {
            out.append(
                "front-matter \(frontMatter.lines.lowerBound + 1)-\(frontMatter.lines.upperBound + 1)\(frontMatter.isClosed ? "" : " unclosed")"
            )
            if let problem = frontMatter.problem {
                let position = lineIndex.position(of: problem.offset, in: .unicodeScalar)
                out.append("  yaml-problem \(position.line + 1):\(position.column + 1) \(problem.message)")
            }
            for pair in frontMatter.pairs {
                out.append("  key \(describe(pair.key)) = \(describe(pair.value))")
            }
        }
        for block in blocks {
            out.append(String(repeating: "  ", count: block.depth) + "\(block.kind) \(block.startLine + 1)-\(block.endLine + 1)")
        }
        for entry in entries {
            let heading = entry.headingUnderlineLine.map { " setext-underline \($0 + 1)" } ?? ""
            let shape = entry.shape == .paragraph ? "" : " \(entry.shape.rawValue)"
            let prose = entry.proseLine.map { " prose \($0 + 1)" } ?? ""
            let furniture =
                entry.furnitureLines.isEmpty ? "" : " furniture " + entry.furnitureLines.map { String($0 + 1) }.joined(separator: ",")
            out.append("entry \(entry.lines.lowerBound + 1)-\(entry.lines.upperBound + 1)\(heading)\(shape)\(prose)\(furniture)")
            for field in entry.fields {
                let role = field.role.map { " (\($0.rawValue))" } ?? ""
                let origin = field.origin == .line ? "" : " [\(field.origin)]"
                out.append("  field \(field.line + 1) \(field.key)\(role)\(origin) = \(field.value.debugDescription)")
            }
        }
        for reference in footnotes.references {
            out.append("footnote-ref \(place(reference.range.start)) [^\(reference.label)]")
        }
        for definition in footnotes.definitions {
            out.append(
                "footnote-def \(definition.lines.lowerBound + 1)-\(definition.lines.upperBound + 1) [^\(definition.label)] = \(source.string(definition.textRange).debugDescription)"
            )
        }
        for comment in comments {
            out.append("comment \(comment.line + 1) \(comment.text.debugDescription)")
        }
        for problem in source.encodingProblems {
            out.append("encoding \(place(problem.range.start)) \(problem.kind)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func place(_ offset: Int) -> String {
        let position = lineIndex.position(of: offset, in: .unicodeScalar)
        return "\(position.line + 1):\(position.column + 1)"
    }

    private func describe(_ value: YAMLValue) -> String {
        switch value {
        case .scalar(let text, let range): return "\(text.debugDescription)@\(place(range.start))"
        case .sequence(let items, _): return "[" + items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let pairs, _): return "{" + pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
        case .alias(let range): return "*alias@\(place(range.start))"
        }
    }
}
