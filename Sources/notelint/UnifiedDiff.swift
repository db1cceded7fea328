/// A unified diff of two texts, line by line, with three lines of context (as `diff -u`).
enum UnifiedDiff {
    static func render(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = splitLines(old), b = splitLines(new)
        let operations = diff(a, b)
        let changes = operations.indices.filter { operations[$0].kind != .same }
        guard !changes.isEmpty else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var next = 0
        while next < changes.count {
            let firstChange = changes[next]
            var lastChange = firstChange
            next += 1
            // Changes closer than twice the context share one hunk.
            while next < changes.count && changes[next] - lastChange <= context * 2 {
                lastChange = changes[next]
                next += 1
            }
            let hunk = operations[max(firstChange - context, 0)..<min(lastChange + context + 1, operations.count)]
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(rangeText(hunk.first!.oldIndex, oldCount)) +\(rangeText(hunk.first!.newIndex, newCount)) @@\n"
            for operation in hunk {
                switch operation.kind {
                case .same: out += " " + line(a[operation.oldIndex])
                case .delete: out += "-" + line(a[operation.oldIndex])
                case .insert: out += "+" + line(b[operation.newIndex])
                }
            }
        }
        return out
    }

    private static func rangeText(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    /// A line as printed in the diff; one without a final newline gets the usual marker.
    private static func line(_ text: Substring) -> String {
        text.hasSuffix("\n") ? String(text) : String(text) + "\n\\ No newline at end of file\n"
    }

    private static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" || text[index] == "\r\n" {
                let next = text.index(after: index)
                lines.append(text[start..<next])
                start = next
            }
            index = text.index(after: index)
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }

    enum Kind { case same, delete, insert }

    struct Operation {
        let kind: Kind
        let oldIndex: Int
        let newIndex: Int
    }

    /// Longest common subsequence after trimming the common prefix and suffix; notes are small
    /// and fixes touch few lines, so the quadratic middle stays tiny.
    private static func diff(_ a: [Substring], _ b: [Substring]) -> [Operation] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        var table = [[Int]](repeating: [Int](repeating: 0, count: midB.count + 1), count: midA.count + 1)
        if !midA.isEmpty && !midB.isEmpty {
            for i in stride(from: midA.count - 1, through: 0, by: -1) {
                for j in stride(from: midB.count - 1, through: 0, by: -1) {
                    table[i][j] = midA[i] == midB[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var operations: [Operation] = (0..<prefix).map { Operation(kind: .same, oldIndex: $0, newIndex: $0) }
        var i = 0, j = 0
        while i < midA.count || j < midB.count {
            if i < midA.count && j < midB.count && midA[i] == midB[j] {
                operations.append(Operation(kind: .same, oldIndex: prefix + i, newIndex: prefix + j)); i += 1; j += 1
            } else if j < midB.count && (i == midA.count || table[i][j + 1] >= table[i + 1][j]) {
                operations.append(Operation(kind: .insert, oldIndex: prefix + i, newIndex: prefix + j)); j += 1
            } else {
                operations.append(Operation(kind: .delete, oldIndex: prefix + i, newIndex: prefix + j)); i += 1
            }
        }
        for k in 0..<suffix {
            operations.append(Operation(kind: .same, oldIndex: a.count - suffix + k, newIndex: b.count - suffix + k))
        }
        return operations
    }
}
