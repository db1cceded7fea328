import NoteLint

/// A unified diff of two versions of one file, line by line, with three lines of context (as
/// `diff -u`); both headers name the file as the user gave it, so `patch -p0` applies it.
enum UnifiedDiff {
    static func render(old: String, new: String, path: String, context: Int = 3) -> String {
        let a = LineDiff.lines(Array(old.utf8))
        let b = LineDiff.lines(Array(new.utf8))
        let operations = operations(a, b)
        let changes = operations.indices.filter { operations[$0].kind != .same }
        guard !changes.isEmpty else { return "" }
        var out = "--- \(path)\n+++ \(path)\n"
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
    private static func line(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return bytes.last == 0x0A || bytes.last == 0x0D ? text : text + "\n\\ No newline at end of file\n"
    }

    enum Kind { case same, delete, insert }

    struct Operation {
        let kind: Kind
        let oldIndex: Int
        let newIndex: Int
    }

    /// Every line of both texts in order: unchanged, deleted, or inserted (deletions first).
    private static func operations(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Operation] {
        var operations: [Operation] = []
        var i = 0
        var j = 0
        for hunk in LineDiff.hunks(a, b) + [LineDiff.Hunk(old: a.count..<a.count, new: b.count..<b.count)] {
            while i < hunk.old.lowerBound {
                operations.append(Operation(kind: .same, oldIndex: i, newIndex: j))
                i += 1
                j += 1
            }
            for old in hunk.old { operations.append(Operation(kind: .delete, oldIndex: old, newIndex: j)) }
            for new in hunk.new { operations.append(Operation(kind: .insert, oldIndex: hunk.old.upperBound, newIndex: new)) }
            i = hunk.old.upperBound
            j = hunk.new.upperBound
        }
        return operations
    }
}
